/**
 * A response whose body was already read in full (the retrying fetch reads every body, so a cut
 * short one can be retried). Reading it again decodes those bytes directly: building a stream
 * over them for every page, only to read it back, cost more than the rest of the copy.
 */
export class BufferedResponse extends Response {
  readonly #bytes: Uint8Array<ArrayBuffer> | null;
  readonly #url: string;
  #used = false;
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | undefined;

  constructor(bytes: ArrayBuffer | null, init: ResponseInit, url: string) {
    super(null, init);
    this.#bytes = bytes === null ? null : new Uint8Array(bytes);
    this.#url = url;
  }

  /** A constructed Response has no url of its own; errors name the path they came from. */
  override get url(): string {
    return this.#url;
  }

  override get bodyUsed(): boolean {
    return this.#used;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#bytes === null) return null;
    // As with any Response, looking at the stream does not use the body up; reading it does.
    this.#stream ??= new ReadableStream({
      pull: (controller) => {
        controller.enqueue(this.#take().slice());
        controller.close();
      },
    });
    return this.#stream;
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#take().slice().buffer;
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#take().slice();
  }

  override async text(): Promise<string> {
    return new TextDecoder().decode(this.#take());
  }

  override async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  override async blob(): Promise<Blob> {
    const type = this.headers.get("content-type") ?? "";
    return new Blob([this.#take().slice()], { type });
  }

  override async formData(): Promise<FormData> {
    return new Response(this.#take().slice(), { headers: this.headers }).formData();
  }

  override clone(): BufferedResponse {
    if (this.#used) throw new TypeError("Response.clone: the body has already been read.");
    const { status, statusText, headers } = this;
    return new BufferedResponse(
      this.#bytes?.buffer ?? null,
      { status, statusText, headers },
      this.#url,
    );
  }

  /** The bytes, once, as the Fetch standard allows a body to be read. */
  #take(): Uint8Array<ArrayBuffer> {
    if (this.#used) throw new TypeError("Body is unusable: it has already been read.");
    this.#used = true;
    return this.#bytes ?? new Uint8Array(0);
  }
}
