//! Runs `kazakh lemmatize` and `kazakh eval lemmas`.

use std::path::Path;

use serde_json::Value as Json;

mod common;

use common::{assert_one_line_error, run, stderr, stdout, TempFile};

const CONLLU: &str = "\
# sent_id = 1
# text = Қазақстан осы өңірдегі бейбітшілікті қолдайды.
1\tҚазақстан\t_\tPROPN\t_\t_\t5\tnsubj\t_\t_
2\tосы\t_\tDET\t_\t_\t3\tdet\t_\t_
3\tөңірдегі\t_\tNOUN\t_\t_\t4\tamod\t_\t_
4\tбейбітшілікті\t_\tNOUN\t_\t_\t5\tobj\t_\t_
5\tқолдайды\t_\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No
6\t.\t_\tPUNCT\t_\t_\t5\tpunct\t_\t_

# sent_id = 2
# text = Қуаныштымын.
1-2\tҚуаныштымын\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
1\tҚуанышты\t_\tADJ\t_\t_\t0\troot\t_\t_
2\tмын\t_\tAUX\t_\t_\t1\tcop\t_\t_
2.1\tфоо\t_\t_\t_\t_\t_\t_\t_\t_
3\t.\t_\tPUNCT\t_\t_\t1\tpunct\t_\t_
";

fn ok(args: &[&str], stdin: &str) -> String {
    let out = run(args, stdin.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    stdout(&out).to_owned()
}

#[test]
fn text_input_gives_token_and_lemma() {
    let out = ok(
        &["lemmatize"],
        "Ақтөбе облысының әкімі келді. Семейде жиналыс өтті.",
    );
    let sentences: Vec<&str> = out.split("\n\n").filter(|s| !s.is_empty()).collect();
    assert_eq!(sentences.len(), 2, "{out}");
    let first: Vec<(&str, &str)> = sentences[0]
        .lines()
        .map(|l| l.split_once('\t').expect("token<TAB>lemma"))
        .collect();
    assert_eq!(first[0], ("Ақтөбе", "Ақтөбе"));
    assert_eq!(first[1], ("облысының", "облыс"));
    assert_eq!(first[4], (".", "."));
    assert!(sentences[1].starts_with("Семейде\tСемей\n"), "{out}");
    assert!(out.ends_with("\n\n"));
}

#[test]
fn file_argument_and_stdin_agree() {
    let text = "Қазақстанның Үкіметі 215-інің ішінде.";
    let file = TempFile::new("lemma.txt", text.as_bytes());
    assert_eq!(
        ok(&["lemmatize", file.path()], ""),
        ok(&["lemmatize"], text)
    );
    assert_eq!(ok(&["lemmatize", "-"], text), ok(&["lemmatize"], text));
}

#[test]
fn conllu_input_fills_the_lemma_column() {
    let out = ok(&["lemmatize", "--input-format", "conllu"], CONLLU);
    let lines: Vec<&str> = out.lines().collect();
    let input: Vec<&str> = CONLLU.lines().collect();
    assert_eq!(lines.len(), input.len());
    for (o, i) in lines.iter().zip(&input) {
        let (oc, ic): (Vec<&str>, Vec<&str>) = (o.split('\t').collect(), i.split('\t').collect());
        if ic.len() != 10 || ic[0].contains(['-', '.']) {
            assert_eq!(o, i, "kept as it is");
            continue;
        }
        assert_eq!(oc.len(), 10);
        for col in [0, 1, 3, 4, 5, 6, 7, 8, 9] {
            assert_eq!(oc[col], ic[col]);
        }
        assert_ne!(oc[2], "_", "{o}");
    }
    assert!(out.contains("3\tөңірдегі\tөңір\t"), "{out}");
    assert!(out.contains("5\tқолдайды\tқолда\t"), "{out}");
    assert!(out.contains("2\tмын\tе\t"), "{out}");
}

#[test]
fn eval_lemmas_reports_accuracy() {
    let gold = CONLLU
        .replace("Қазақстан\t_", "Қазақстан\tҚазақстан")
        .replace("осы\t_", "осы\tосы")
        .replace("өңірдегі\t_", "өңірдегі\tөңір")
        .replace("бейбітшілікті\t_", "бейбітшілікті\tбейбітшілік")
        .replace("қолдайды\t_", "қолдайды\tқолда")
        .replace(".\t_", ".\t.")
        .replace("Қуанышты\t_", "Қуанышты\tқуанышты")
        .replace("мын\t_", "мын\tе");
    let file = TempFile::new("gold.conllu", gold.as_bytes());
    let out = ok(&["eval", "lemmas", "--gold", file.path()], "");
    assert_eq!(out.lines().count(), 1);
    let json: Json = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["all"]["total"], 9);
    assert_eq!(json["noun_propn"]["total"], 3);
    assert_eq!(json["noun_propn"]["correct"], 3);
    assert_eq!(json["upos"]["VERB"]["correct"], 1);
    assert_eq!(json["unscored"], 0);
    let accuracy = json["all"]["accuracy"].as_f64().expect("number");
    assert!((0.0..=100.0).contains(&accuracy));

    // A gold lemma `_` is not given: left out of the scores, and counted.
    let partial = gold.replace("Қуанышты\tқуанышты", "Қуанышты\t_");
    let file = TempFile::new("partial.conllu", partial.as_bytes());
    let json: Json =
        serde_json::from_str(&ok(&["eval", "lemmas", "--gold", file.path()], "")).expect("JSON");
    assert_eq!(json["all"]["total"], 8);
    assert_eq!(json["unscored"], 1);

    // A word line without a FORM is reported with its line and not scored;
    // the rest of the file is.
    let formless = partial.replace(
        "3\t.\t.\tPUNCT",
        "3\t\t\tX\t\t_\t_\t_\t_\t_\n4\t.\t.\tPUNCT",
    );
    let file = TempFile::new("formless.conllu", formless.as_bytes());
    let output = run(&["eval", "lemmas", "--gold", file.path()], b"");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let json: Json = serde_json::from_str(stdout(&output)).expect("JSON");
    assert_eq!(json["all"]["total"], 8);
    assert_eq!(json["unscored"], 2);
    assert!(
        stderr(&output).contains("line 16: empty FORM, not scored"),
        "{output:?}"
    );
}

#[test]
fn eval_lemmas_on_ud_when_present() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/data/ud_kazakh-ktb/kk_ktb-ud-dev-from-test.conllu"
    );
    if !Path::new(path).exists() {
        eprintln!("skipped: {path} not found");
        return;
    }
    let out = ok(&["eval", "lemmas", "--gold", path], "");
    let json: Json = serde_json::from_str(&out).expect("JSON");
    let nouns = json["noun_propn"]["accuracy"].as_f64().expect("number");
    let all = json["all"]["accuracy"].as_f64().expect("number");
    assert!(nouns >= 93.0, "NOUN+PROPN {nouns}");
    assert!(all >= 85.0, "all {all}");
}

#[test]
fn errors_are_one_line() {
    let out = run(&["lemmatize", "/nonexistent/file.txt"], b"");
    assert_one_line_error(&out, 2);
    let out = run(&["lemmatize"], b"\xff\xfe bad");
    assert_one_line_error(&out, 1);
    let out = run(
        &["lemmatize", "--input-format", "conllu"],
        b"1\tonly three\tcols\n",
    );
    assert_one_line_error(&out, 1);
    let out = run(&["eval", "lemmas", "--gold", "/nonexistent.conllu"], b"");
    assert_one_line_error(&out, 2);
    let out = run(&["lemmatize", "--input-format", "xml"], b"");
    assert_one_line_error(&out, 2);
}

#[test]
fn lossy_input_is_accepted() {
    let out = run(
        &["lemmatize", "--lossy"],
        b"\xff\xfe \xd0\xb1\xd0\xb0\xd0\xbb\xd0\xb0",
    );
    assert_eq!(out.status.code(), Some(0));
}
