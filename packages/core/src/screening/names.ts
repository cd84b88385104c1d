/**
 * Data for turning a candidate's registered name into the ways people write it.
 */

/** Forms of address that precede a name ("Bu Sekar", "Cak Bagus", "Gus Makki"). Normalised. */
export const HONORIFICS: readonly string[] = [
  'bapak', 'ibu', 'mas', 'mbak', 'mba', 'gus', 'ning', 'cak', 'kang', 'abah', 'bang', 'abang', 'uda',
  'uni', 'kak', 'om', 'tante', 'haji', 'hajjah', 'umi', 'bunda', 'ayuk', 'kiai', 'kyai', 'daeng',
  'puang', 'andi', 'raden', 'mbah', 'pakde', 'bude', 'koh', 'cik', 'tuan', 'encik',
];

/** Academic, religious and professional titles to strip from a registered name, as letters only ("M.Si." → msi). */
export const NAME_TITLES: readonly string[] = [
  'h', 'hj', 'kh', 'dr', 'drs', 'dra', 'ir', 'prof', 'st', 'se', 'sh', 'mh', 'mm', 'msi', 'mpd',
  'spd', 'sag', 'ssos', 'sip', 'skm', 'sked', 'mkes', 'mba', 'mt', 'ak', 'ipu', 'sstp', 'ssi',
  'skom', 'mkom', 'ma', 'mag', 'lc', 'phd', 'mhum', 'ap', 'msc', 'bsc', 'sp', 'md', 'spog',
];

/**
 * Given names and surnames shared by so many Indonesians that, alone, they do not point at a
 * candidate: a post about "Pak Budi" is usually about some other Budi.
 */
export const COMMON_NAMES: readonly string[] = [
  'muhammad', 'muhamad', 'mohammad', 'mohamad', 'moh', 'mochamad', 'ahmad', 'achmad', 'abdul',
  'siti', 'nur', 'nurul', 'sri', 'dewi', 'budi', 'agus', 'joko', 'eko', 'dwi', 'tri', 'slamet',
  'bambang', 'hadi', 'heru', 'andi', 'agung', 'rudi', 'rudy', 'arif', 'ari', 'adi', 'dedi', 'dedy',
  'hendra', 'indra', 'yudi', 'wahyu', 'rizki', 'rizky', 'fajar', 'putri', 'putra', 'ayu', 'rina',
  'rini', 'yuni', 'wati', 'ani', 'anita', 'lina', 'fitri', 'fitriani', 'dian', 'nia', 'ratna',
  'retno', 'endang', 'sari', 'lestari', 'wulan', 'indah', 'maya', 'mega', 'ika', 'eka', 'nanda',
  'dimas', 'bayu', 'bagus', 'arya', 'aditya', 'rahmat', 'rahman', 'hasan', 'husein', 'ali', 'umar',
  'usman', 'yusuf', 'ibrahim', 'ismail', 'hidayat', 'hidayati', 'santoso', 'susanto', 'prasetyo',
  'setiawan', 'kurniawan', 'gunawan', 'wibowo', 'purnomo', 'saputra', 'saputri', 'nugroho',
  'hermawan', 'firmansyah', 'hakim', 'halim', 'zahra', 'aisyah', 'fatimah', 'khadijah', 'yohanes',
  'maria', 'paulus', 'petrus', 'made', 'wayan', 'ketut', 'nyoman', 'putu', 'kadek', 'gede',
  'sekar', 'laila', 'anisa', 'annisa', 'yuliana', 'yulia', 'novi', 'diana', 'sugeng', 'suharto',
  'sutrisno', 'sumarno', 'supriyadi', 'suparman', 'sukirman', 'wahyudi', 'hartono', 'haryanto',
  'hariyanto', 'susilo', 'yanto', 'yuli', 'yulianti', 'kartika', 'kurnia', 'ratih', 'nining',
  'ningsih', 'suryani', 'sulastri', 'sumiati', 'rahayu', 'rahmawati', 'handayani', 'wulandari',
  'puspita', 'permata', 'intan', 'citra', 'dewa', 'galih', 'gilang', 'bima', 'surya', 'cahyo',
  'prasetya', 'pratama', 'pratiwi', 'utami', 'wijaya', 'kusuma', 'setyo', 'setya', 'aryo', 'ario',
  'doni', 'dony', 'hendro', 'hendri', 'irfan', 'imam', 'ilham', 'iwan', 'ivan', 'johan', 'joni',
  'kevin', 'lukman', 'mahmud', 'mansyur', 'marzuki', 'mulyadi', 'mulyono', 'nanang', 'nugraha',
  'pandu', 'ridwan', 'rizal', 'sandi', 'sigit', 'taufik', 'teguh', 'tono', 'tomi', 'udin', 'yoga',
  'yogi', 'zainal', 'zaenal', 'zulkifli', 'aminah', 'astuti', 'dina', 'eni', 'erna', 'evi',
  'fitria', 'hana', 'ida', 'irma', 'kiki', 'lia', 'lilis', 'lusi', 'mira', 'nita', 'novita',
  'nurhayati', 'puji', 'ria', 'rika', 'risa', 'rosa', 'sinta', 'susi', 'tini', 'tuti', 'vina',
  'wiwik', 'yanti', 'yeni', 'hidayah', 'wahyuni', 'kurniasih', 'andika', 'angga', 'anton', 'anwar',
  'arief', 'bachtiar', 'bagas', 'dani', 'danu', 'darmawan', 'edi', 'edy', 'fauzi', 'faisal',
  'firman', 'hamid', 'hasyim', 'hendrawan', 'ikhsan', 'jamal', 'junaidi', 'kholil', 'makmur',
  'rusdi', 'saiful', 'syaiful', 'samsul', 'sofyan', 'subagyo', 'sudarmo', 'sugianto', 'sukardi',
  'sulaiman', 'sumadi', 'syamsul',
  // Javanese forms of common name words ("Dimas Anggoro Putro"): alone they name no one
  'putro', 'sasongko', 'wibisono',
];

/**
 * Other names of the national parties, so a registry that says "PDIP" also finds
 * "PDI Perjuangan". Keys and values are written as people write them.
 */
export const PARTY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  // and by symbol or colour, as supporters call them ("kandang banteng", "partai beringin"); never
  // the bare symbol ("beringin" is a tree, "garuda" the national team, "Partai Garuda" another party)
  PDIP: ['PDI Perjuangan', 'PDI-P', 'partai banteng', 'banteng moncong putih', 'moncong putih', 'kandang banteng', 'partai merah', 'kubu banteng', 'jagoan banteng', 'pasukan banteng', 'jagoane banteng', 'kader banteng', 'dulur banteng'],
  Golkar: ['Partai Golkar', 'partai beringin', 'partai kuning', 'partai pohon beringin', 'kubu beringin', 'kubu kuning', 'jagoan beringin', 'kader kuning', 'kader beringin'],
  Gerindra: ['Partai Gerindra', 'kepala garuda', 'partai kepala garuda', 'kubu garuda'],
  PKB: ['Partai Kebangkitan Bangsa', 'partai bintang sembilan', 'partai bola dunia'],
  PKS: ['Partai Keadilan Sejahtera', 'partai dakwah'],
  Nasdem: ['Partai Nasdem', 'NasDem', 'partai restorasi'],
  Demokrat: ['Partai Demokrat', 'partai mercy', 'partai biru', 'kubu mercy'],
  PAN: ['Partai Amanat Nasional', 'partai matahari', 'partai biru'],
  PPP: ['Partai Persatuan Pembangunan', 'partai kakbah', 'partai ka bah'],
  PSI: ['Partai Solidaritas Indonesia', 'partai mawar'],
  Perindo: ['Partai Perindo'],
  Hanura: ['Partai Hanura'],
};

/**
 * Forms of address and title words that mark a woman ("Bu Sekar", "Ning Retno", "Hj.", "Dra.";
 * Kutai and Banjar "Dayang"), and those that mark a man ("Cak Bagus", "H.", "Drs."): the registry
 * records no gender, but "the only woman on the ballot" is how people point at a candidate.
 * Normalised words ("bu" is read as "ibu"), titles as letters only.
 */
export const FEMALE_MARKERS: readonly string[] = [
  'ibu', 'mbak', 'mba', 'ning', 'ayuk', 'hajjah', 'umi', 'bunda', 'tante', 'uni', 'nyai', 'dayang', 'hj', 'dra', 'siti',
];
export const MALE_MARKERS: readonly string[] = [
  'bapak', 'mas', 'cak', 'gus', 'kang', 'bang', 'abang', 'haji', 'uda', 'om', 'kiai', 'kyai', 'daeng', 'raden', 'koh',
  'h', 'drs', 'muhammad', 'abdul', 'andi',
];

/**
 * Forms of address people put before a candidate's name in place of the registry's own (set 7: "Kang Arya",
 * "Bang Andi", "Puang Tahir", "Kak Firdaus", "Mbak Retno"), by the gender the registry's markers give; a name
 * of unknown gender takes only the forms said to anyone ("kak", "puang"). Normalised.
 */
export const ADDRESS_FORMS = {
  male: ['bapak', 'mas', 'bang', 'kang', 'cak', 'daeng', 'om', 'gus', 'raden', 'abah'],
  female: ['ibu', 'mbak', 'ayuk', 'ning', 'uni', 'dayang'],
  either: ['kak', 'puang'],
} as const;
