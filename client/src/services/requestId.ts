/** A client id for one user intent (one submit); a retry of the same intent sends the same id. */
export const newRequestId = (): string =>
  `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
