## This language's own name, as the language switcher shows it.

language-name = Bahasa Indonesia

## The hosted consent page.

page-language = Bahasa
page-asks-consent = { $org } meminta persetujuan Anda
page-notice = Pemberitahuan
page-purposes = Untuk apa data Anda akan digunakan
page-purposes-hint = Centang tujuan yang Anda setujui, lalu simpan pilihan Anda. Anda juga dapat menyetujui atau menolak semuanya.
page-required = Wajib
page-data-used = Data yang digunakan: { $categories }
page-approve = Setujui
page-decline = Tolak
page-save = Simpan pilihan
page-withdraw = Tarik persetujuan
page-receipt-title = Keputusan Anda telah dicatat
page-receipt-summary =
    { $action ->
        [approved] Anda menyetujui semua tujuan pada { $date }.
        [declined] Anda menolak semua tujuan pada { $date }.
        [withdrawn] Anda menarik persetujuan Anda pada { $date }.
       *[partial] Anda menyetujui sebagian tujuan pada { $date }.
    }
page-granted = Diizinkan
page-not-granted = Tidak diizinkan
page-reference = Nomor referensi: { $reference }
page-change-hint = Anda dapat mengubah atau menarik keputusan Anda kapan saja melalui tautan yang sama ini.
page-receipt-download = Unduh tanda terima yang ditandatangani
page-export = Unduh semua yang dicatat tentang persetujuan Anda
page-valid-until = Tautan ini berlaku hingga { $date }.
page-expired-title = Tautan ini sudah kedaluwarsa
page-expired-body = Tautan persetujuan hanya berlaku untuk waktu terbatas. Mintalah tautan baru kepada organisasi yang mengirimkannya.
page-replaced-title = Tautan ini telah diganti
page-replaced-body = Tautan yang lebih baru telah dikirim untuk permintaan ini. Silakan gunakan pesan terbaru yang Anda terima.
page-unknown-title = Tautan tidak ditemukan
page-unknown-body = Tautan persetujuan ini tidak ada. Pastikan Anda membuka tautan secara lengkap.
page-error-title = Terjadi kesalahan
page-error-body = Silakan coba lagi sesaat lagi.

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
       *[other] Tautan ini telah digunakan untuk membuat banyak keputusan dalam waktu singkat. Pilihan terakhir Anda tidak disimpan; coba lagi dalam { $minutes } menit.
    }
decision-missing = Pilih salah satu opsi: “Setujui”, “Simpan pilihan”, atau “Tolak”.
decision-invalid = Pilihan ini tidak dapat disimpan: pemberitahuan telah berubah sejak halaman ini dibuka. Muat ulang halaman, lalu pilih lagi.
decision-unreadable = Pilihan Anda tidak diterima. Silakan coba lagi.
decision-failed-body = Keputusan Anda tidak disimpan. Silakan coba lagi.

## The email that carries a consent link.

email-link-subject = { $org }: permintaan persetujuan Anda
email-link-heading = { $org } meminta persetujuan Anda
email-link-intro = { $org } meminta persetujuan Anda untuk “{ $collection }”. Baca apa yang ingin mereka lakukan dengan data Anda, lalu putuskan untuk setiap tujuan.
email-link-button = Tinjau dan putuskan
email-link-expiry = Tautan ini berlaku hingga { $date }. Anda dapat mengubah atau menarik keputusan Anda nanti melalui tautan yang sama.
