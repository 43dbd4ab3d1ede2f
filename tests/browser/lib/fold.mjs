// The site's search folding, written here independently of the site's own script so that the
// tests check it rather than repeat it: NFD, combining marks dropped, đ/Đ -> d, lower case.
export function fold(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

export function foldedWords(text) {
  return new Set(fold(text).match(/[\p{L}\p{N}]+/gu) ?? []);
}
