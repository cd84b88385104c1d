/**
 * General campaign vocabulary, independent of any candidate. Data, not logic: the lexicon
 * builder normalises every term with the same normaliser as the posts, so write terms in
 * standard Indonesian (slang spellings are folded into these anyway).
 *
 * "clear" terms say what they say wherever they appear; "ambiguous" terms are everyday words
 * that only hint at campaigning ("mantap", "gas", a flexed-arm emoji) and count for half.
 * `{n}` stands for any ballot number in any spelling ("salam 2 jari", "salam dua jari").
 */
export interface CueList {
  readonly clear: readonly string[];
  readonly ambiguous: readonly string[];
}

export interface CueLists {
  readonly support: CueList;
  readonly opposition: CueList;
  readonly neutral: CueList;
}

/** Calls to vote for, campaign for or celebrate a candidate. */
const SUPPORT_CUES: CueList = {
  clear: [
    'coblos', 'pilih', 'pilihlah', 'memilih', 'dukung', 'dukunglah', 'menangkan', 'memenangkan',
    'ayo pilih', 'ayo coblos', 'ayo dukung', 'ayo menangkan', 'mari pilih', 'mari dukung',
    'mari menangkan', 'yuk pilih', 'yuk coblos', 'yuk dukung', 'wajib pilih', 'wajib coblos',
    'jangan lupa pilih', 'jangan lupa coblos', 'jangan lupa dukung', 'siap menangkan',
    'siap memenangkan', 'siap mendukung', 'all in', 'lanjutkan', 'dua periode', '2 periode',
    'satu putaran', 'sekali putaran', 'pilihan tepat', 'pilihan saya', 'pilihan kita', 'pilihanku',
    'jagoan', 'jagoan kita', 'pemimpin kita', 'calon kita', 'bupati kita', 'gubernur kita',
    'wali kota kita', 'relawan', 'pemenangan', 'tim pemenangan', 'tim sukses', 'vote', 'contreng',
    'pasti menang', 'harus menang', 'menang telak', 'salam {n} jari',
    // invitations to campaign events
    'kampanye akbar', 'ramaikan kampanye', 'hadiri kampanye', 'jalan sehat bersama', 'deklarasi relawan',
    'posko relawan', 'posko pemenangan', 'panggung rakyat', 'rapatkan barisan', 'bawa bendera',
    'harus menangkan', 'kita menangkan',
    // the choice stated as settled, without a voting verb (issue 18)
    'harga mati', 'sudah jelas', 'sudah pasti', 'pilihan kami', 'suara kami untuk', 'suaraku untuk',
    'kita antar', 'tetap di hati', 'auto coblos', 'satu satunya pilihan', 'tidak usah ragu',
    // a vote given to a pronoun or honorific after the candidate is named once ("… tgl 27 coblos beliau")
    'pilih beliau', 'memilih beliau', 'coblos beliau', 'dukung beliau', 'untuk beliau', 'buat beliau',
    'kasih beliau', 'antar beliau', 'pilih dia', 'memilih dia', 'coblos dia', 'dukung dia', 'pilih dio',
    'memilih deweke', 'pilih deweke', 'untuk njenengan', 'untuk panjenengan', 'memilih riko',
    // invitations to campaign events
    'kampanye dialogis', 'kampanye terbuka', 'konser rakyat', 'silaturahmi akbar', 'konvoi', 'doorprize',
    'kaos gratis', 'nonton bareng', 'ngopi bareng', 'hadirilah', 'ayo datang', 'ayo hadir', 'wajib datang',
    // wishes and prayers for a win, a second term (issue 18: religious cover, jingles)
    'semoga menang', 'doakan menang', 'insyaallah menang', 'periode kedua', 'lanjut periode',
    'semoga dimenangkan', 'diberi kemenangan', 'dimenangkan lagi',
    // a wink beside a hand sign or a description (issue 18, set 6: "kode keras", "yang paham paham saja")
    'kode keras', 'yang paham paham saja', 'sing paham paham saja', 'yang tahu tahu saja', 'yang mengerti mengerti saja',
    'sesuai pilihan hati', 'tanda setia', 'tahu lah maksudnya', 'tahu kan maksudnya', 'paham kan maksudnya',
    'semua tahu artinya', 'tahu artinya', 'paham artinya', 'mengerti artinya', 'ngerti artine',
    // round 8 (the third blind set's weak kinds, by name only): a vote given to a pronoun after the candidate is
    // named ("… suaraku buatnya", "titip suara buat beliau"), and a coalition's call to its own ("calon usungan partai
    // kita": the longer phrase shields the news word "diusung" / "koalisi" inside it)
    'suaraku buat', 'suaraku buatnya', 'suaraku untuknya', 'suara kami buat', 'suara kami untuknya', 'titip suara', 'nitip suara',
    'semoga beliau terpilih', 'semoga beliau yang terpilih', 'semoga dia terpilih', 'beliau yang terpilih', 'menangkan beliau',
    'menangkan dia', 'menangkan dio', 'dukung dio', 'coblos dio', 'coblos fotonya', 'coblos gambarnya', 'coblos wajahnya',
    'pilihen deweke', 'dukung deweke', 'koalisi kita', 'partai kita', 'usungan kita', 'usungan partai kita', 'diusung partai kita',
    'diusung koalisi kita', 'yang kita usung', 'sing diusung partai kita', 'kader harus menangkan', 'kader wajib menangkan',
  ],
  ambiguous: [
    'gas', 'gas pol', 'sikat', 'mantap', 'keren', 'hebat', 'top', 'jos', 'juara', 'terbaik', 'idola',
    'menang', 'lanjut', 'hidup', 'bangga', 'setuju', 'ayo', 'yuk', 'mari', 'siap', 'bersama',
    'semangat', 'kawal', 'amanah', 'merakyat', 'sukses', 'pemimpin', 'pilihan', 'dukungan',
    'pendukung', 'kemenangan', 'peduli', 'jujur', 'pantas', 'layak', 'cocok', 'idaman', 'pokoknya',
    'follow', '💪', '🔥', '👍', '✊', '❤', '😍', '🥰', '👏',
    // the voting day, events, cheers
    'ke tps', 'di tps', 'bilik suara', 'sampai ketemu', 'jangan lupa', 'ramaikan', 'hadiri', 'sambut',
    'merapat', 'blusukan', 'kampanye', 'deklarasi', 'the best', 'respect', 'layak', 'terbukti', 'bukti nyata',
    'insyaallah amanah', 'ngefans', '💯', '🫡', '🤩', 'orasi', 'kumpul', 'bukti kerja', 'ingat', 'jangan salah',
    'cerdas', 'sepakat', 'pantas', 'tegas', 'berpengalaman', 'peduli', 'suara kami', 'suara keluarga',
    'tusuk', 'datang', 'hadir', 'undangan', 'jelas', 'pasti', 'tetap', 'fix', 'masuk akal', 'paling',
    'nyata', 'titik', 'yakin', 'percaya', 'ikut', 'waras', 'satu satunya', 'dibela', 'amanah lagi',
    'di hati', 'ning ati', 'diridhoi', 'berkah', 'doakan', 'aamiin',
    // Bugis–Makassar cheer ("fight on!"), said of a candidate as "gas" is; a prayer for a win
    'ewako', 'dimenangkan',
    // winks and loyalty (set 6): said of a pose or a description, "you know who"
    'paham', 'paham kan', 'ngerti', 'ngerti kan', 'maksudnya', 'maksude', 'kode', 'tim mana', 'setia', 'kompak',
    'satu komando', '😉', '🤭', 'kudu', 'harus lanjut', 'wayahe', 'saatnya', 'butuh',
    // set 7: the choice closed without a verb ("loro wis, gak usah mikir", "siji ae, liyane ora"), a pose
    // captioned with a raised hand or the polling day ("acungkan", "sampai hari H"; not the date alone, a birthday too)
    'tidak usah pikir', 'tidak usah mikir', 'tidak usah bingung', 'tidak usah pusing', 'tidak perlu pikir',
    'yang lain tidak', 'liyane tidak', 'liyane skip', 'tidak ada yang lain', 'tidak ada liyane', 'tidak ada lainnya', 'jangan lain',
    'sampai hari h', 'sampai tps', 'acungkan', 'angkat', 'jasa',
    'wajib', 'sampai kapan pun', 'sampai kapanpun',
  ],
};

/** Calls to vote against or reject a candidate: partisan too, when an ASN posts them. */
const OPPOSITION_CUES: CueList = {
  clear: [
    'jangan pilih', 'jangan coblos', 'jangan dukung', 'jangan memilih', 'jangan dipilih', 'jangan mau pilih',
    'tidak usah pilih', 'tidak usah coblos', 'tidak perlu pilih', 'ogah pilih', 'tolak', 'menolak',
    'asal bukan', 'asal jangan', 'ganti bupati', 'ganti gubernur', 'ganti wali kota',
    'ganti pemimpin', 'cukup satu periode', 'cukup sekali', 'jangan sampai menang',
    'jangan biarkan', 'bukan pilihan', 'lengserkan', 'turunkan', 'gagal total',
    'ogah memilih', 'tidak usah memilih', 'tidak usah dipilih', 'jangan mau memilih', 'jangan mau dibodohi',
    'jangan kasih kesempatan', 'siapa saja asal jangan', 'mundur saja', 'mending jangan', 'saatnya ganti',
    'jangan ketipu', 'jangan tertipu', 'jangan mau dipimpin', 'tidak pantas', 'belum pantas',
    // jabs and mockery (issue 18)
    'jangan dikasih', 'jangan kasih', 'jangan diberi', 'tidak layak', 'tidak usah dicoblos', 'jangan dicoblos',
    'cuma janji', 'janji saja', 'tidak ada prestasi', 'kerja nol', 'jualan mimpi', 'karbitan',
    'konflik kepentingan', 'no thanks', 'jangan salah pilih', 'kok mau dipilih', 'masih mau dipilih',
    'cukup sak periode', 'kinerja nol', 'tidak ada hasil', 'hasilnya apa', 'jangan ulangi',
  ],
  ambiguous: [
    'gagal', 'anti', 'bohong', 'pembohong', 'korupsi', 'koruptor', 'janji palsu', 'tukang janji',
    'pencitraan', 'omdo', 'zonk', 'ganti', 'muak', 'kecewa', 'payah', 'malas', 'skip', '👎', '🤮',
    'ingkar janji', 'boneka', 'oligarki', 'dinasti', 'malu', 'bodoh', 'dibohongi', 'plonga plongo', 'ogah',
    'rekam jejak', 'kegagalan', 'buzzer', '🤡', '💩', '🙄', 'jago ngomong', 'nol besar', 'bau kencur',
    'orang luar', 'ketipu', 'tertipu', 'apanya', 'fitnah', 'curang', 'ngapain saja', 'tidak becus',
    'ngimpi', 'mimpi', 'kroni', 'mangkrak', 'mangkir', 'gelagapan', 'kalah', 'tidak mengerti', 'tidak ngerti',
    'doyan', 'utang', 'bangkrut', 'modal baliho', 'proyek', 'cuma', 'kosong', 'gagal menangani', 'tidak jelas',
    'bosan', 'bosen', 'kocak', 'molor', 'rugi', 'jarang datang', 'kemiskinan naik', 'kinerjanya',
    // "not yet", "enough already", mockery (free-form tuning set 5)
    'belum waktunya', 'jangan coba coba', 'sudah cukup', 'ngakak', 'muter muter', 'hadeh', 'buktinya mana',
    'hasilnya mana', 'prestasinya mana', 'ogah memilih',
    // performance, said of the incumbent or a former official (set 6: "limang taun mek gunting pita")
    'apa prestasinya', 'prestasinya apa', 'mana buktinya', 'kerjanya apa', 'tidak ada perubahan', 'begitu begitu saja',
    'jalan di tempat', 'stagnan', 'omong kosong', 'pajangan', 'gunting pita', 'potong pita', 'cuma seremonial',
    'jalan rusak', 'jalan berlubang', 'pengangguran naik', 'tidak beres', 'tidak pernah datang',
    // round 8: a rival's scandal hinted at ("yang pernah dipanggil kejaksaan", "dekat mafia tambang"): ambiguous, as news
    // says the same; with a reference to a candidate beside it
    'dipanggil kejaksaan', 'dipanggil polisi', 'dipanggil kpk', 'diperiksa kpk', 'diperiksa kejaksaan', 'tersangkut kasus',
    'terseret kasus', 'menyeret', 'kasus', 'mafia', 'mafia tambang', 'cukong', 'bandar', 'dana hibah',
    'masa mau dipilih', 'kok masih dipilih', 'kok berani nyalon', 'masih berani nyalon', 'ingat kasus', 'jangan lupa kasus',
    'dibodohi', 'jangan dijual', 'pikir pikir', 'mikir',
  ],
};

/**
 * Reporting verbs, election-administration words and disclaimers: the marks of news, of
 * official notices and of jokes. They lower the score; a longer neutral phrase also shields
 * the cue inside it ("tolak politik uang" is not opposition to anyone).
 */
const NEUTRAL_CUES: CueList = {
  clear: [
    'menurut', 'ujar', 'ujarnya', 'tegasnya', 'ungkap', 'jelasnya', 'tutur', 'imbuh', 'tambahnya',
    'lanjutnya', 'tandas', 'pungkas', 'terangnya', 'papar', 'dikutip', 'dilansir', 'reporter',
    'editor', 'wartawan', 'redaksi', 'bawaslu', 'kpu', 'kpud', 'panwascam', 'panwaslu', 'dkpp',
    'netralitas', 'sosialisasi', 'rekapitulasi', 'pemungutan suara', 'penghitungan suara',
    'penetapan', 'pengundian', 'pendaftaran', 'debat publik', 'quick count', 'hitung cepat',
    'tahapan', 'diusung', 'mengusung', 'koalisi', 'konferensi pers', 'siaran pers', 'hoaks',
    'umumkan', 'mengumumkan', 'diumumkan', 'tetapkan', 'menetapkan', 'ditetapkan', 'pilih mana',
    'klarifikasi', 'cek fakta', 'bercanda', 'canda', 'bukan kampanye', 'tetap netral',
    'tolak politik uang', 'tolak hoaks', 'jangan golput', 'pilkada damai', 'pemilu damai',
    'mengatakan', 'menyatakan', 'menyampaikan', 'mengklaim', 'berjanji', 'menanggapi', 'menurutnya',
    'dalam debat', 'saat ditemui', 'dikonfirmasi', 'melaporkan', 'dilaporkan', 'siapapun', 'siapa pun',
    'pasangan calon', 'dilarang', 'sanksi', 'hak pilih', 'suara sah', 'maupun', 'berkomitmen',
    'tidak memihak', 'kondusif', 'kondusifitas', 'jelang pilkada', 'mengingatkan', 'membantah', 'tudingan',
    // news of attacks (issue 18)
    'kampanye hitam', 'saling sindir', 'gakkumdu', 'pengamat', 'menelusuri', 'tim hukum', 'kampanye damai',
    'dicopot', 'mengkritik', 'menuding', 'dianggap', 'menyebut', 'laporkan', 'satpol',
    // get-well wishes, condolences and thanks for prayers: "terima kasih doanya" is no "doakan" of a campaign
    'lekas sembuh', 'cepat sembuh', 'lekas pulih', 'terima kasih doanya', 'turut berduka', 'husnul khotimah',
    'innalillahi', 'sakinah mawaddah',
    // a second term said of a president, a village head or a club (set 7), not of the region's incumbent
    'presiden dua periode', 'dua periode presiden', 'dibatasi dua periode', 'maksimal dua periode', 'batas dua periode',
    'periode keduanya', 'masa jabatan presiden', 'kepala desa', 'kades', 'ketua rt', 'berturut turut',
    // the young and the old of an office or a street, not of a ballot (set 7: "sing enom-enom ayo melu senam")
    'yang muda muda', 'sing muda muda', 'anak anak muda', 'senam', 'kerja bakti', 'gotong royong', 'tarik tambang',
    // round 8: court news ("terdakwa mantan pejabat"), a party's own events without a call ("HUT partai", "reses"),
    // and the first place in a mother's heart ("nomor satu di hati ibu")
    'disidangkan', 'terdakwa', 'persidangan', 'penyidik', 'belum ada tersangka', 'hut partai', 'harlah', 'reses',
    'musda', 'muswil', 'rakerda', 'rapat kerja daerah', 'kaderisasi', 'lantik pengurus', 'pengurus baru', 'donor darah',
    'di hati ibu', 'nomor satu di hati', 'satu di hati', 'hari ibu', 'salam damai',
  ],
  ambiguous: [
    'kata', 'debat', 'survei', 'jadwal', 'resmi', 'berita', 'sumber', 'netral', 'golput', 'ulang tahun',
    'berduka', 'selamat', 'semoga', 'jaga', 'persatuan', 'wartawan', 'katanya', 'breaking',
    // finger poses and everyday numbers (issue 18)
    'pose', 'peace', 'gaya', 'wisuda', 'lomba', 'liburan', 'selfie', 'ranking', 'antrian', 'loket',
    'lantai', 'kelas', 'kamar', 'jalur', 'menu', 'paket', 'reuni', 'anakku', 'murid', 'rt', 'rw',
    'spanduk', 'poster', 'sisanya',
    // shop talk and namesakes (free-form tuning set 5): "paket nomor 1", "pilih dua gratis satu"
    'promo', 'diskon', 'dijual', 'disewakan', 'hubungi', 'legenda', 'pensiun', 'ujian',
    // contests ("juara 1", "nomor satu" of a team; not the sport itself: campaigns play futsal too) and
    // shop accounts followed ("Dimas Barbershop")
    'turnamen', 'piala', 'medali', 'kejuaraan', '🏆',
    // the vote kept secret ("cukup nang bilik, rahasia")
    'rahasia',
    // an order at a stall, a disaster relief (set 7: "siji wis cukup, aku lagi diet"; "bangkit dari banjir")
    'diet', 'kenyang', 'porsi', 'bungkus', 'pedas', 'es teh', 'nasi', 'sego', 'meja', 'tiket', 'banjir', 'bencana', 'bpbd',
    // one finger raised for the oneness of God (set 7)
    'tauhid', 'istiqomah',
    'barbershop', 'photography', 'studio', 'catering', 'bakery', 'florist', 'laundry', 'bengkel', 'toko', 'olshop', 'store',
    // round 8: everyday photos with a finger pose (an outing, a family day) and namesakes by trade ("Bang Firdaus tukang ojek")
    'arisan', 'gowes', 'pantai', 'healing', 'ultah', 'cucu', 'wisata', 'piknik', 'kopdar', 'nikah', 'menikah', 'anniversary',
    'tukang', 'ojek', 'bidan', 'satpam', 'langganan', 'tetangga', 'kasir', 'penjual', 'dpc', 'dpd', 'dpw', 'santunan',
  ],
};

export const DEFAULT_CUES: CueLists = {
  support: SUPPORT_CUES,
  opposition: OPPOSITION_CUES,
  neutral: NEUTRAL_CUES,
};

/**
 * How people write a ballot number; `{n}` is replaced by each spelling of the number
 * ("2", "02", "dua", Javanese "loro").
 */
export const BALLOT_NUMBER_TEMPLATES: readonly string[] = [
  'nomor {n}', 'nomor urut {n}', 'paslon {n}', 'coblos {n}', 'pilih {n}', 'salam {n} jari',
  '{n} jari',
];

/**
 * A ballot number stated as the settled choice without a voting verb ("pokoke loro", "tetep
 * siji", "fix 02"; not "jelas satu", which is also "jelas, satu-satunya"): ambiguous mentions, so they count only with a cue beside them.
 */
export const SALIENT_NUMBER_TEMPLATES: readonly string[] = [
  'pokoknya {n}', 'tetap {n}', 'fix {n}', '{n} harga mati', 'mantap ke {n}', 'mantap di {n}',
  // Javanese "the one" ("sing loro wae"): "loro" is also "ill", so ambiguous like the rest (set 6)
  'sing {n}', 'sing nomor {n}', 'yang nomor {n}',
  // a bare number closed off (set 7: "loro wis", "siji ae", "dua lah, pasti dua", "duo bae"): ambiguous like the
  // rest, as an order at a food stall says the same ("loro ae mas, sego pecel"); a cue must stand beside it
  '{n} saja', '{n} sudah', '{n} lah', 'pasti {n}', '{n} pokoknya', '{n} titik', 'tetap nomor {n}',
  // the others waved away, and the number chanted ("siji, gak onok liyane", "loro, gak usah mikir", "satu, satu, satu!")
  '{n} tidak ada yang lain', '{n} tidak ada liyane', '{n} tidak liyane', '{n} yang lain', '{n} tidak usah',
  '{n} tidak perlu', '{n} {n} {n}',
];

/**
 * Hand signs written the other way round ("jari siji", "driji loro" — the slang folds "driji" into
 * "jari"): a hand sign like "{n} jari", but ambiguous, as "jari 2 cm" is a measure.
 */
export const HAND_SIGN_TEMPLATES: readonly string[] = ['jari {n}'];

/**
 * A ballot number by its ordinal ("paslon urut pertama", "nomor urut kedua"), only after words
 * that make it a ballot position: "coblos pertama kali" is a first-time voter, not pair 1.
 */
export const ORDINAL_NUMBER_TEMPLATES: readonly string[] = ['nomor urut {n}', 'urut {n}', 'paslon {n}', 'paslon urut {n}', 'pasangan urut {n}'];

/** Ordinal words for ballot numbers (Indonesian). */
export const ORDINAL_WORDS: Readonly<Record<number, readonly string[]>> = {
  1: ['pertama', 'kesatu'],
  2: ['kedua'],
  3: ['ketiga'],
  4: ['keempat'],
  5: ['kelima'],
};

/** Number words (Indonesian, then Javanese) for ballot numbers. */
export const NUMBER_WORDS: Readonly<Record<number, readonly string[]>> = {
  1: ['satu', 'siji'],
  2: ['dua', 'loro'],
  3: ['tiga', 'telu'],
  4: ['empat', 'papat'],
  5: ['lima', 'limo'],
  6: ['enam', 'enem'],
  7: ['tujuh', 'pitu'],
  8: ['delapan', 'wolu'],
  9: ['sembilan', 'songo'],
  10: ['sepuluh'],
};

/**
 * Hand gestures that stand for a ballot number: ☝ / "jari telunjuk" one finger, ✌ / 🤞 two
 * fingers ("salam dua jari"). Ambiguous, because ✌ is also just "peace" and 🤞 "fingers crossed".
 * Not 👆: under a share it points at the post above ("Setuju 100% 👆").
 */
export const NUMBER_GESTURES: Readonly<Record<number, readonly string[]>> = {
  1: ['☝', 'jari telunjuk'],
  2: ['✌', '🤞'],
};
