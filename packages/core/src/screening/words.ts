/**
 * Word lists the normaliser and the matcher consult. Data, not logic: extend them freely.
 */

/**
 * Everyday words the normaliser must recognise when it decides how to undo letter
 * repetition ("saaat" → "saat", not "sat"), whether digits are leetspeak ("5ama" → "sama")
 * and where to cut an all-lower-case hashtag. Words with a legitimate double letter matter most.
 */
export const COMMON_WORDS: readonly string[] = [
  // legitimate double letters
  'saat', 'maaf', 'taat', 'manfaat', 'jumaat', 'saudara', 'allah', 'muhammad', 'sunnah', 'keemasan',
  'maarif', 'alhamdulillah', 'insyaallah', 'masyaallah',
  // function words
  'yang', 'dan', 'di', 'ke', 'dari', 'untuk', 'dengan', 'pada', 'kepada', 'ini', 'itu', 'ada',
  'tidak', 'bukan', 'sudah', 'belum', 'akan', 'sedang', 'masih', 'juga', 'saja', 'lagi', 'sama',
  'karena', 'kalau', 'tapi', 'atau', 'jadi', 'terus', 'biar', 'agar', 'supaya', 'semua', 'banyak',
  'banget', 'sangat', 'paling', 'lebih', 'makin', 'semakin', 'selalu', 'harus', 'bisa', 'mau',
  'ingin', 'perlu', 'boleh', 'jangan', 'ya', 'dong', 'deh', 'kok', 'sih', 'nih', 'tuh', 'kan',
  'saya', 'aku', 'kamu', 'kita', 'kami', 'mereka', 'dia', 'beliau', 'orang', 'warga', 'rakyat',
  'bapak', 'ibu', 'teman', 'keluarga', 'kawan', 'tetangga', 'anak', 'adik', 'kakak',
  // time and place
  'hari', 'besok', 'kemarin', 'sekarang', 'nanti', 'tanggal', 'tahun', 'bulan', 'minggu', 'pagi',
  'siang', 'sore', 'malam', 'kota', 'kabupaten', 'desa', 'kampung', 'pasar', 'kantor', 'sekolah',
  'jalan', 'rumah', 'masjid',
  // common verbs and adjectives on social media
  'lihat', 'tahu', 'kerja', 'makan', 'datang', 'pulang', 'ikut', 'hadir', 'bagus', 'baik', 'benar',
  'mantap', 'keren', 'hebat', 'luar', 'biasa', 'sehat', 'senang', 'sedih', 'kecewa', 'bangga',
  'terima', 'kasih', 'selamat', 'semoga', 'amin', 'aamiin', 'sukses', 'lancar', 'damai', 'aman',
  'maju', 'bangkit', 'sejahtera', 'berdaya', 'bersatu', 'baru', 'lama', 'besar', 'kecil',
  // election vocabulary
  'pilkada', 'pemilu', 'pemilihan', 'pemilih', 'kampanye', 'calon', 'paslon', 'pasangan', 'nomor',
  'urut', 'bupati', 'wakil', 'gubernur', 'wali', 'walikota', 'partai', 'suara', 'putaran',
  'periode', 'debat', 'visi', 'misi', 'program', 'tps', 'golput', 'asn', 'pns', 'pppk', 'netral',
  // everyday words one letter from a candidate's name: "fasilitas dinas" is not "Dimas", "rahmat" not "Rahman"
  'dinas', 'rahmat', 'rakhmat',
  // … and found read as names in the free-form posts: "putra daerah" is not "Putro", "dagang" /
  // "dayung" not "Dayang", Javanese "lawang" (door) not "Lawing", "rahmah" not "Rahman"
  'putra', 'putri', 'dagang', 'dayung', 'lawang', 'rahmah',
];

/**
 * Words after which a number is a ballot number, never a reduplication marker or leetspeak:
 * "paslon2" is "paslon 2", whereas "hati2" is "hati-hati".
 */
export const NUMBER_CONTEXT_WORDS: readonly string[] = [
  'no', 'nomor', 'nomer', 'nmr', 'paslon', 'pslon', 'urut', 'coblos', 'pilih', 'calon', 'angka',
  'jari', 'salam', 'kandidat',
];

/**
 * Cue words that must be matched verbatim instead of by stem, because an affix changes what
 * they say about a post or their stem is an everyday word: "pemilihan" (the election) and
 * "pemilih" (a voter) stem to "pilih" (vote for), "bersama" to "sama", "terbaik" to "baik",
 * "pemimpin" to "pimpin" (as in "dipimpin", chaired by), "tegasnya" (she stressed, news style)
 * to "tegas" (firm, praise), "lanjutnya" (he went on) to "lanjut" like "lanjutkan" (carry on!),
 * "tetapkan" (determine) to "tetap" (still). Nouns such as "dukungan" describe support rather
 * than urge it, so they are cues of their own, apart from the verb.
 * Candidate names, parties, slogans and hashtags are always matched verbatim.
 */
export const VERBATIM_CUE_WORDS: readonly string[] = [
  'pilih', 'pilihlah', 'memilih', 'dipilih', 'pilihan', 'pilihanku', 'bersama', 'menurut', 'periode',
  'menang', 'menangkan', 'memenangkan', 'kemenangan', 'dukungan', 'pendukung', 'lanjut', 'lanjutkan',
  'lanjutnya', 'tegasnya', 'jelasnya', 'tambahnya', 'terangnya', 'siap', 'sama', 'netral', 'resmi',
  'terbaik', 'merakyat', 'pemimpin', 'jagoan', 'pokoknya', 'biarkan', 'turunkan', 'pencitraan',
  'umumkan', 'mengumumkan', 'diumumkan', 'tetapkan', 'menetapkan', 'ditetapkan', 'penetapan',
  // reporting verbs whose stems are everyday words: "berjanji" (he promised) is news, "janji" is not
  'berjanji', 'mengingatkan', 'mengatakan', 'menyatakan', 'menyampaikan', 'mengklaim', 'menanggapi',
  'melaporkan', 'dilaporkan', 'membantah', 'berkomitmen', 'menurutnya', 'dikonfirmasi', 'katanya',
  'terbukti', 'kegagalan', 'ketipu', 'tertipu',
  // cue words whose stems are everyday words: "maupun" → mau, "apanya" → apa, "persatuan" → satu
  'maupun', 'apanya', 'persatuan', 'siapapun', 'saatnya', 'merapat', 'rapatkan', 'berpengalaman',
];
