// Abbreviations of chart notes and of everyday written English that neither WordNet, the stopword
// list nor the chat shorthand of src/text knows: they are words, never a name or an unknown word.
// General usage (any list of medical-record or English abbreviations has them), not any guide's
// vocabulary: "pt" (patient), "dx" (diagnosis), "hx" (history), "acct", "appt", "fyi", "vs", "etc".

/** Lower case; matched as whole words. */
export const WRITTEN_SHORTHAND: ReadonlySet<string> = new Set(
  `pt pts dx hx tx rx sx fx acct dept appt re fyi vs etc eg ie wo sec wk wks omg nope hi hey hello y'all yall`.split(' '),
);
