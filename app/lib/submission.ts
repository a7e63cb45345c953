// Limits of a trainee's submission shared by the browser and the server.
export const MAX_SUPPORTING_PHOTOS = 3;
export const MAX_CAPTION = 1000;
/** What the file pickers offer; the server checks the content whatever is chosen. */
export const IMAGE_ACCEPT = "image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic";
export const VIDEO_ACCEPT = "video/mp4,video/webm,.mp4,.webm";
