import { useState } from 'react';
import { requestFile, type RequestOptions } from './api.ts';
import { useApiErrorHandler } from './errors.ts';

/** Hands a fetched file to the browser as a download under `name`. */
export function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the browser has taken the file once the click has been handled
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * Downloads through fetch rather than a plain link: the request carries the header's project
 * like every API call, and a refusal (403, 400 …) becomes a toast instead of a page of JSON.
 * `busy` is the key of the download in flight, for a button's spinner.
 */
export function useDownload() {
  const onError = useApiErrorHandler();
  const [busy, setBusy] = useState<string | null>(null);
  const download = async (key: string, path: string, fallbackName: string, opts?: RequestOptions) => {
    setBusy(key);
    try {
      const { blob, name } = await requestFile(path, opts);
      saveBlob(blob, name ?? fallbackName);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(null);
    }
  };
  return { download, busy };
}
