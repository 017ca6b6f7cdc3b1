// Saves text as a file through the browser's download.
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has its own copy once click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
