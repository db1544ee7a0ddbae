export { porterStem } from './porter-stemmer.js';
export * from './search-documents.js';
export { ENGLISH_STOPWORDS } from './stopwords.js';
export { distinctSearchTerms, searchTerms, words } from './terms.js';
