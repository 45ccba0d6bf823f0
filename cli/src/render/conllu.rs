//! `kazakh annotate --format conllu`: `# newdoc`, `# sent_id`, `# text`,
//! ten columns with the LEMMA filled, and entity and number tags in MISC.

use kazakh::numbers::Value;
use kazakh::Document;

use super::{number_value, one_line};

/// The CoNLL-U sentences of the document.
pub fn document(out: &mut String, doc: &Document, id: &str) {
    let tokens = doc.tokens();
    // MISC per token: entity and number tags.
    let mut ne: Vec<Option<(bool, &'static str)>> = vec![None; tokens.len()];
    for e in doc.entities() {
        for i in e.tokens.clone() {
            if let Some(slot) = ne.get_mut(i) {
                *slot = Some((i == e.tokens.start, e.label.as_str()));
            }
        }
    }
    let mut num: Vec<Option<(bool, usize)>> = vec![None; tokens.len()];
    for (k, n) in doc.numbers().iter().enumerate() {
        if n.tokens
            .clone()
            .any(|i| num.get(i).is_some_and(Option::is_some))
        {
            continue;
        }
        for i in n.tokens.clone() {
            if let Some(slot) = num.get_mut(i) {
                *slot = Some((i == n.tokens.start, k));
            }
        }
    }
    out.push_str("# newdoc id = ");
    out.push_str(id);
    out.push('\n');
    let mut misc = String::new();
    for (k, s) in doc.sentences().iter().enumerate() {
        out.push_str(&format!("# sent_id = {id}-{}\n# text = ", k + 1));
        out.push_str(&one_line(doc.text_at(s.span)));
        out.push('\n');
        for (j, i) in s.tokens.clone().enumerate() {
            let t = &tokens[i];
            let form = doc.token_text(t);
            let lemma = doc.lemma(t).unwrap_or("_");
            misc.clear();
            if let Some((first, label)) = ne[i] {
                misc.push_str(if first { "NE=B-" } else { "NE=I-" });
                misc.push_str(label);
            }
            if let Some((first, k)) = num[i] {
                let n = &doc.numbers()[k];
                if !misc.is_empty() {
                    misc.push('|');
                }
                misc.push_str(if first { "Num=B-" } else { "Num=I-" });
                misc.push_str(n.label());
                if first {
                    misc.push_str("|NumValue=");
                    match n.value {
                        // Each qualifier of a temporal value is an
                        // attribute of its own: `NumValue=XXXX|NumOffset=-P1Y`.
                        Value::Time(t) => {
                            misc.push_str(&t.to_string());
                            if let Some(o) = t.value().offset() {
                                misc.push_str(&format!("|NumOffset={o}"));
                            }
                            if let Some(n) = t.value().nearest() {
                                misc.push_str("|NumNearest=");
                                misc.push_str(n.as_str());
                            }
                            if let Some(m) = t.modifier() {
                                misc.push_str("|NumMod=");
                                misc.push_str(m.as_str());
                            }
                            if let Some(b) = t.bound() {
                                misc.push_str("|NumBound=");
                                misc.push_str(b.as_str());
                            }
                        }
                        _ => misc.push_str(&number_value(n).replace(' ', "_")),
                    }
                }
            }
            let glued = tokens
                .get(i + 1)
                .is_some_and(|next| next.span.start == t.span.end);
            if glued {
                if !misc.is_empty() {
                    misc.push('|');
                }
                misc.push_str("SpaceAfter=No");
            }
            if misc.is_empty() {
                misc.push('_');
            }
            out.push_str(&format!(
                "{}\t{}\t{}\t_\t_\t_\t_\t_\t_\t{misc}\n",
                j + 1,
                one_line(form),
                one_line(lemma)
            ));
        }
        out.push('\n');
    }
}
