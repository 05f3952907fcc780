/** A CLI subcommand: one file per command, exporting its name, usage line and `run`. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}
