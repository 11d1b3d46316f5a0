// lightning/platformResourceLoader for the tests: a classic <script> per URL, once per page.
const loaded = new Map();
export function loadScript(_component, url) {
  if (!loaded.has(url)) {
    loaded.set(
      url,
      new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = url;
        script.onload = () => resolve();
        script.onerror = () => reject(new Error(`could not load ${url}`));
        document.head.append(script);
      }),
    );
  }
  return loaded.get(url);
}
