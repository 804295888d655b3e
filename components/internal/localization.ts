/**
 * Localisable strings: templates use `msg()` from @lit/localize (English source). A host that ships
 * translations calls `configureCamLocalization` once with its loader; without it, English is shown.
 */
import { configureLocalization, type LocaleModule } from '@lit/localize';

let configured: ReturnType<typeof configureLocalization> | undefined;

/** Configures the runtime locale loader; a second call returns the first setup. */
export function configureCamLocalization(options: {
  targetLocales: readonly string[];
  loadLocale: (locale: string) => Promise<LocaleModule>;
}): ReturnType<typeof configureLocalization> {
  configured ??= configureLocalization({ sourceLocale: 'en', ...options });
  return configured;
}
