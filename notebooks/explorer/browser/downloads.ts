/** Saves text as a file through a Blob URL and a temporary `a[download]` (no network). */
export function download(filename: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; a later tick frees it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
