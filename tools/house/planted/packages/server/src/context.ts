export interface AppContext {
  hmacKey: Buffer;
}
