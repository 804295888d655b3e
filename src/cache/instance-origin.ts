/**
 * The instance's origin: how the cache names an instance. Apart from the database code, so the
 * services can name their cache's owner before that code is loaded.
 */

/** The instance's origin (`https://acme.service-now.com`), or the trimmed text when it is not a URL. */
export function instanceOrigin(instance: string): string {
  try {
    return new URL(instance).origin;
  } catch {
    return instance.trim();
  }
}
