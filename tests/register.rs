//! The shipped register of councils: valid whole, every current council complete, Welsh names
//! for Welsh councils, reorganisations followed; and choosing a council by what people type.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cm_maturity::domain::context::{CouncilType, Nation, Region};
use cm_maturity::domain::register::{fold, Found, Register};
use serde_json::{json, Value};

const REGISTER: &str = include_str!("../public/data/register.json");

fn register() -> Register {
    Register::parse(REGISTER).unwrap_or_else(|p| panic!("{}", common::messages(&p).join("\n")))
}

#[test]
fn the_shipped_register_is_complete_for_every_current_council() {
    let r = register();
    assert_eq!(r.councils.len(), 470);
    let current: Vec<_> = r.councils.iter().filter(|c| c.is_current()).collect();
    assert_eq!(current.len(), 397);
    for c in &current {
        assert!(!c.gss.is_empty(), "{}", c.code);
        if c.nation == Nation::England {
            assert!(c.region.is_some(), "{}", c.code);
        }
    }
    let welsh: Vec<_> = current
        .iter()
        .filter(|c| c.nation == Nation::Wales)
        .collect();
    assert_eq!(welsh.len(), 22);
    assert!(welsh
        .iter()
        .all(|c| c.name_cy.is_some() && c.short_cy.is_some()));
    assert!(welsh
        .iter()
        .all(|c| c.council_type == CouncilType::WelshPrincipal));
    // Every former English, Welsh or Scottish council leads to its successor; the register does
    // not record which of the eleven Northern Irish districts of 2015 took over which of the 26.
    for c in r.councils.iter().filter(|c| !c.is_current()) {
        assert!(
            !c.replaced_by.is_empty() || c.nation == Nation::NorthernIreland,
            "{} ended with no successor",
            c.code
        );
    }
    assert!(r.attribution.contains("mySociety") && r.attribution.contains("CC BY 4.0"));
    // No spelling is mis-encoded Welsh.
    assert!(r
        .councils
        .iter()
        .flat_map(|c| &c.alt)
        .all(|a| !a.contains('\u{fffd}') && !a.contains("ï")));
}

#[test]
fn a_broken_register_is_refused_with_each_problem() {
    let mut v: Value = serde_json::from_str(REGISTER).unwrap();
    let councils = v["councils"].as_array_mut().unwrap();
    let all = councils.iter().position(|c| c["code"] == "ALL").unwrap();
    councils[all]["replacedBy"] = json!(["XXX"]);
    let agy = councils.iter().position(|c| c["code"] == "AGY").unwrap();
    councils[agy].as_object_mut().unwrap().remove("nameCy");
    let found = common::messages(&Register::parse(&v.to_string()).unwrap_err());
    assert!(
        found.iter().any(|m| m.contains("replacedBy[0]")
            && m.contains("\"XXX\" is not a council in the register")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|m| m.contains(&format!("councils[{agy}].nameCy"))),
        "{found:?}"
    );
}

#[test]
fn typing_a_former_councils_name_offers_its_successor_saying_why() {
    let r = register();
    let found = r.search("Allerdale", 10);
    assert_eq!(found[0].council.short, "Cumberland");
    assert_eq!(found[0].found, Found::Replaced("Allerdale".into()));
    // A county split in two leads to both.
    let cumbria: Vec<&str> = r
        .search("Cumbria", 10)
        .iter()
        .map(|m| m.council.code.as_str())
        .collect();
    assert!(
        cumbria.contains(&"CBD") && cumbria.contains(&"WAF"),
        "{cumbria:?}"
    );
    let successors: Vec<&str> = r
        .successors(r.get("NTH").unwrap())
        .iter()
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(successors, ["NNT", "WNT"]);
}

#[test]
fn councils_are_found_by_part_of_any_name_in_english_or_welsh_with_or_without_accents() {
    let r = register();
    let first = |q: &str| r.search(q, 5).first().map(|m| m.council.code.clone());
    assert_eq!(first("Cheshire E").as_deref(), Some("CHE"));
    assert_eq!(first("ynys mon").as_deref(), Some("AGY"));
    assert_eq!(first("Ynys Môn").as_deref(), Some("AGY"));
    assert_eq!(first("Caerdydd").as_deref(), Some("CRF"));
    assert_eq!(first("wrecsam").as_deref(), Some("WRX"));
    assert!(r.search("", 5).is_empty());
    assert!(r.search("zzzz", 5).is_empty());
    assert!(
        r.search("Borough", 10).len() == 10,
        "the list is cut at the limit"
    );
    let anglesey = r.get("AGY").unwrap();
    assert_eq!(anglesey.name_in("cy"), "Cyngor Sir Ynys Môn");
    assert_eq!(anglesey.name_in("en"), "Isle of Anglesey County Council");
    let cumberland = r.get("CBD").unwrap();
    assert_eq!(cumberland.region, Some(Region::NorthWest));
    assert_eq!(r.find("E06000063").map(|c| c.code.as_str()), Some("CBD"));
}

#[test]
fn a_name_alone_names_a_council_only_when_it_is_exactly_one() {
    let r = register();
    assert_eq!(
        r.named("Cheshire East Council").map(|c| c.code.as_str()),
        Some("CHE")
    );
    assert_eq!(
        r.named("cheshire east").map(|c| c.code.as_str()),
        Some("CHE")
    );
    assert_eq!(
        r.named("Cyngor Sir Ynys Môn").map(|c| c.code.as_str()),
        Some("AGY")
    );
    assert_eq!(r.named("Anytown Council"), None);
    assert_eq!(fold("  Ynys  Môn’s "), "ynys mons");
}
