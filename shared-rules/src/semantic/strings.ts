/** The semantic model reads string literals as every other part of pyreview does. */
export { concatenatedStringValue as stringValue } from '../syntax/literals';
