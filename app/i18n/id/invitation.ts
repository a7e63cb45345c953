export const invitation = {
  "invitation.expired": "Tautan undangan ini sudah kedaluwarsa. Minta admin untuk mengirim undangan baru.",
  "invitation.used": "Tautan undangan ini sudah pernah dipakai. Silakan masuk dengan akun Anda.",
  "invitation.revoked": "Undangan ini sudah dibatalkan. Hubungi admin yang mengundang Anda.",
  "invitation.unknown": "Tautan undangan tidak dikenal. Periksa kembali tautan di e-mail Anda.",
  "invitation.emailTaken": "Alamat e-mail ini sudah terdaftar. Silakan masuk dengan akun tersebut.",
  "notify.invitation.title": "Undangan bergabung ke {network}",
  "notify.invitation.body": "{inviter} mengundang Anda bergabung ke {network} sebagai {role}. Buka tautan berikut untuk mengatur nama dan kata sandi Anda. Tautan berlaku 7 hari dan hanya dapat dipakai sekali.",
} as const;
