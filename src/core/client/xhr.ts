/**
 * @module `fetch` over XMLHttpRequest, for the one thing `fetch` cannot do in every browser:
 * report an upload's progress. (A streamed request body would, but Chrome sends one only over
 * HTTP/2 or later.) The client uses it for uploads only, and only when it carries requests itself:
 * the request is the one ky built, with its headers (the token, the hooks'), signal and body, and
 * the answer a `Response`, so retries, hooks and errors stay those of every other call.
 */

/** How much of a request's body has been sent. */
export interface UploadProgress {
  /** Bytes sent. */
  loaded: number;
  /** Bytes in all. */
  total: number;
}

export type UploadProgressHandler = (progress: UploadProgress) => void;

// A `Response` may have no body with these statuses.
const NULL_BODY = [101, 103, 204, 205, 304];

function headersOf(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

/**
 * Sends `request` as `fetch` would and calls `onProgress` as its body goes out. A failure on the
 * way rejects with a `TypeError`, as `fetch` does; an abort with the signal's reason.
 */
export async function xhrFetch(
  request: Request,
  onProgress: UploadProgressHandler,
): Promise<Response> {
  const signal = request.signal;
  signal.throwIfAborted();
  const body = ['GET', 'HEAD'].includes(request.method) ? null : await request.blob();
  return new Promise<Response>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(request.method, request.url);
    xhr.responseType = 'blob';
    xhr.withCredentials = request.credentials === 'include';
    request.headers.forEach((value, name) => xhr.setRequestHeader(name, value));
    const abort = () => xhr.abort();
    signal.addEventListener('abort', abort, { once: true });
    const done = () => signal.removeEventListener('abort', abort);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress({ loaded: e.loaded, total: e.total });
    };
    xhr.onload = () => {
      done();
      const status = xhr.status;
      resolve(
        new Response(NULL_BODY.includes(status) ? null : (xhr.response as Blob), {
          status,
          statusText: xhr.statusText,
          headers: headersOf(xhr.getAllResponseHeaders()),
        }),
      );
    };
    xhr.onerror = xhr.ontimeout = () => {
      done();
      reject(new TypeError('Failed to fetch'));
    };
    xhr.onabort = () => {
      done();
      reject(signal.reason ?? new DOMException('The upload was aborted.', 'AbortError'));
    };
    xhr.send(body);
  });
}
