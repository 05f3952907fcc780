/** Tokens spent on one answer, as the answer schema reports them. */
export interface TokenUsage {
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
}

/** Sums `usage_metadata` over every model call made for one answer (repairs and retries too). */
export class UsageTally {
  private input = 0;
  private output = 0;
  private total = 0;
  private seen = false;

  /** Adds a message's usage; messages without usage (failed calls) add nothing. */
  add(message: { usage_metadata?: { input_tokens?: number; output_tokens?: number; total_tokens?: number } } | undefined): void {
    const usage = message?.usage_metadata;
    if (!usage) return;
    this.seen = true;
    const input = usage.input_tokens ?? 0;
    const output = usage.output_tokens ?? 0;
    this.input += input;
    this.output += output;
    this.total += usage.total_tokens ?? input + output;
  }

  /** The sum, or undefined when no call reported usage. */
  result(): TokenUsage | undefined {
    return this.seen ? { input_tokens: this.input, output_tokens: this.output, total_tokens: this.total } : undefined;
  }
}
