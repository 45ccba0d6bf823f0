//! Loads the page of `kazakh annotate --format html` in headless Chromium
//! and checks that the highlighted entities and their labels are in the
//! DOM the browser built. Skips, saying why, when Chromium is not on PATH;
//! under `CI=true` (where `.ci/run` installs Chromium) a missing browser is
//! a failure instead, so that the test cannot pass without running.

use std::path::PathBuf;
use std::process::Command;

#[allow(dead_code)]
mod common;

use common::{run, stdout};

const TEXT: &str = "Қасым-Жомарт Тоқаев Ақтөбе облысына барды. \
                    «Самұрық-Қазына» қоры 1 трлн 125,6 млрд теңге бөлді. \
                    Тоқаев Астанаға оралды. <b>тег</b> & белгі";

fn browser() -> Option<PathBuf> {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        if let Some(path) = std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join(name))
                .find(|p| p.is_file())
        }) {
            return Some(path);
        }
    }
    None
}

/// Whether the tests run in CI (`CI=true`), where skipping is not allowed.
fn on_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true") || v == "1")
}

#[test]
fn entities_are_highlighted_in_a_real_browser() {
    let Some(chromium) = browser() else {
        assert!(
            !on_ci(),
            "CI=true but chromium (or chromium-browser, google-chrome) is not on PATH: \
             the browser test cannot run; install chromium (.ci/run does)"
        );
        eprintln!("skipping: chromium (or chromium-browser) is not on PATH");
        return;
    };
    let output = run(&["annotate", "--format", "html"], TEXT.as_bytes());
    assert!(output.status.success(), "{output:?}");
    let dir = std::env::temp_dir().join(format!("kazakh-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("page.html");
    std::fs::write(&page, stdout(&output)).unwrap();
    let profile = dir.join("profile");
    let dom = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-extensions",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(dom.status.success(), "chromium failed: {dom:?}");
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(dom.contains("<body>"), "no DOM: {dom}");

    // Each highlighted entity: a <mark class="ent LABEL"> with its label
    // inside, as parsed by the browser.
    let marks: Vec<&str> = dom
        .split("<mark class=\"ent ")
        .skip(1)
        .filter(|m| m.contains("data-label"))
        .collect();
    assert!(marks.len() >= 3, "highlighted entities: {dom}");
    for m in &marks {
        let label = &m[..3];
        assert!(["PER", "LOC", "ORG"].contains(&label), "{m}");
        let body = &m[..m.find("</mark>").expect("closed mark")];
        assert!(
            body.contains(&format!("<span class=\"lbl\">{label}</span>")),
            "{body}"
        );
    }
    let has = |label: &str, text: &str| {
        marks
            .iter()
            .any(|m| m.starts_with(label) && m[..m.find("</mark>").unwrap()].contains(text))
    };
    assert!(has("PER", "Тоқаев"), "{dom}");
    assert!(has("LOC", "Ақтөбе облысына"), "{dom}");
    // Numbers with their value on hover.
    assert!(dom.contains("title=\"money: 1125600000000 KZT\""), "{dom}");
    // The input's markup is text, not elements.
    assert!(dom.contains("&lt;b&gt;тег&lt;/b&gt; &amp; белгі"), "{dom}");
    // The frequency list names Тоқаев twice.
    assert!(dom.contains("<table class=\"entities\">"), "{dom}");
}
