import type { Product } from '../core';

/** The line under the title: the product's date and author, those it has. */
export const metaParts = (product: Product): string[] => [product.date, product.author].filter((part): part is string => Boolean(part));

/** The TLP label beside the banner (`TLP:AMBER`), when the briefing sets one. */
export const tlpLabel = (product: Product): string | undefined => (product.tlp ? `TLP:${product.tlp}` : undefined);

/** The banner's parts, those the product has: its classification, then its TLP label. */
export const bannerParts = (product: Product): string[] => [product.banner, tlpLabel(product)].filter((part): part is string => Boolean(part));
