export type MediaHandler = (request: Request) => Promise<Response>;
