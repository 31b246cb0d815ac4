/**
 * A 64-bit content hash of a string (two 32-bit FNV-1a-style lanes with a final avalanche), as 16 hex
 * digits. It tells whether a text is the one that was hashed before: the shipped catalog's text is hashed
 * when SIZER is built and again at every start (catalog/shipped.ts). It is not a cryptographic hash and
 * guards against accidental change (a truncated or hand-edited bundle), not against someone who can also
 * rewrite the hash beside it. Pure and synchronous, and fast where a JavaScript SHA-256 took longer than
 * the validation it replaces.
 */
export function contentHash(text: string): string {
  // A local: a global lookup inside the loop costs more than the loop's arithmetic where globals are slow
  // to reach (a vm context, as npm run bench evaluates functions.js: 18 ms instead of 2 ms).
  const imul = Math.imul;
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = imul(a ^ code, 0x01000193);
    b = imul(b ^ code, 0x5bd1e995);
  }
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b) ^ Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  b = Math.imul(b ^ (b >>> 16), 0x85ebca6b) ^ Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
