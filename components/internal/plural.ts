/**
 * Plural forms for localised messages: @lit/localize has no plural syntax, so a message with a
 * count has one msg() per plural category and the page's language picks one (Intl.PluralRules).
 */

/** The messages of one count, by CLDR plural category; `other` is required. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

/** The form of `forms` that the page's language uses for `count`. */
export function plural(count: number, forms: PluralForms): string {
  const rules = new Intl.PluralRules(globalThis.document?.documentElement.lang || undefined);
  return forms[rules.select(count)] ?? forms.other;
}
