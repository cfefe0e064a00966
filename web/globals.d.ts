// What the page uses beyond TypeScript's DOM types, for `tsc -p web`.

interface PermissionsPolicy {
  allowsFeature(feature: string): boolean;
}

interface Document {
  /** Chromium's Permissions Policy, and its older name. */
  readonly permissionsPolicy?: PermissionsPolicy;
  readonly featurePolicy?: PermissionsPolicy;
}

interface Window {
  /** The page's state for tests and demos (web/app/main.js). */
  peDemo?: object;
}

interface Uint8ArrayConstructor {
  /** Base64 decoded into bytes, in engines that have it (web/vocab/word-vectors.js checks). */
  fromBase64?(text: string): Uint8Array;
}
