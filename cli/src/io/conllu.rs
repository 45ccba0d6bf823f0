//! The word lines of a CoNLL-U file, for `kazakh lemmatize --input-format
//! conllu` (which writes every other line back as it is) and `kazakh eval
//! lemmas`. The library's reader (`kazakh::eval::conllu`) keeps sentences
//! and token spans for segmentation scores but not the columns of each
//! line; until it does, this is the line reader.

/// One line of a CoNLL-U file.
pub enum Line<'a> {
    /// A comment, a blank line, a multiword-token range or an empty node:
    /// kept as it is.
    Other(&'a str),
    /// A word line, split into its ten columns.
    Word([&'a str; 10]),
}

/// Splits CoNLL-U text into lines; a line that is neither a comment nor
/// blank and does not have ten tab-separated columns with an ID is an
/// error naming its line number.
pub fn conllu_lines(text: &str) -> Result<Vec<Line<'_>>, String> {
    let mut lines = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            lines.push(Line::Other(line));
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let Ok(cols) = <[&str; 10]>::try_from(cols) else {
            return Err(format!("line {}: expected 10 tab-separated columns", i + 1));
        };
        let id = cols[0];
        if id.contains('-') || id.contains('.') {
            lines.push(Line::Other(line));
        } else if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) {
            lines.push(Line::Word(cols));
        } else {
            return Err(format!("line {}: bad ID {id:?}", i + 1));
        }
    }
    Ok(lines)
}
