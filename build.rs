//! Generates the `Text` struct from the English language file, so a new string is added in one
//! place (`public/data/text/en.json`) and every use of it is checked by the compiler. The words
//! themselves are not compiled in: each language file is loaded when the app starts.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let source = "public/data/text/en.json";
    println!("cargo:rerun-if-changed={source}");
    let json = std::fs::read_to_string(source).expect("the English language file exists");
    let doc: serde_json::Value = serde_json::from_str(&json).expect("en.json is valid JSON");
    let map = doc.as_object().expect("en.json is an object");

    let mut fields = String::new();
    let mut loads = String::new();
    let mut keys = String::new();
    for (key, value) in map {
        if key == "$schema" || key == "lang" {
            continue;
        }
        assert!(
            key.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "text key {key:?} must be snake_case"
        );
        let (ty, loader) = match value {
            serde_json::Value::String(_) => ("&'static str", "string"),
            serde_json::Value::Object(_) => ("Plural", "plural"),
            serde_json::Value::Array(_) => ("&'static [&'static str]", "list"),
            other => panic!("text key {key:?}: unexpected value {other}"),
        };
        writeln!(fields, "    pub {key}: {ty},").unwrap();
        writeln!(loads, "        {key}: {loader}(lang, map, {key:?}, c),").unwrap();
        writeln!(keys, "    {key:?},").unwrap();
    }
    let code = format!(
        "/// Every user-facing string of the app, in one language.\n\
         pub struct Text {{\n    pub lang: Lang,\n{fields}}}\n\n\
         /// The keys every language file must have.\n\
         pub const KEYS: &[&str] = &[\n{keys}];\n\n\
         impl Text {{\n    fn from_map(lang: Lang, map: &Map<String, Value>, c: &mut Collector) -> Text {{\n        \
         Text {{\n            lang,\n{loads}        }}\n    }}\n}}\n"
    );
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("text_keys.rs");
    std::fs::write(out, code).unwrap();
}
