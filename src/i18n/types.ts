/** The shape of a dictionary, taken from the Chinese one (the source of the keys). */
import type { zh } from './zh.ts';

export type Locale = 'zh' | 'en';

type Widen<T> = T extends (...args: infer A) => string ? (...args: A) => string : string;
export type Messages = { readonly [K in keyof typeof zh]: Widen<(typeof zh)[K]> };
export type MessageKey = keyof Messages;
