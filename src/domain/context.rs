//! Optional facts about the organisation an assessment is for, asked once and kept in exports
//! and returns, so the programme can build benchmarks by council type, region and stage.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CouncilType {
    County,
    District,
    Unitary,
    MetropolitanBorough,
    LondonBorough,
    CombinedAuthority,
    Other,
}

impl CouncilType {
    pub const ALL: [CouncilType; 7] = [
        CouncilType::County,
        CouncilType::District,
        CouncilType::Unitary,
        CouncilType::MetropolitanBorough,
        CouncilType::LondonBorough,
        CouncilType::CombinedAuthority,
        CouncilType::Other,
    ];

    /// The word used in files and settings.
    pub fn code(self) -> &'static str {
        match self {
            CouncilType::County => "county",
            CouncilType::District => "district",
            CouncilType::Unitary => "unitary",
            CouncilType::MetropolitanBorough => "metropolitanBorough",
            CouncilType::LondonBorough => "londonBorough",
            CouncilType::CombinedAuthority => "combinedAuthority",
            CouncilType::Other => "other",
        }
    }
}

/// The nine English regions and the other three nations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Region {
    NorthEast,
    NorthWest,
    YorkshireAndTheHumber,
    EastMidlands,
    WestMidlands,
    EastOfEngland,
    London,
    SouthEast,
    SouthWest,
    Wales,
    Scotland,
    NorthernIreland,
}

impl Region {
    pub const ALL: [Region; 12] = [
        Region::NorthEast,
        Region::NorthWest,
        Region::YorkshireAndTheHumber,
        Region::EastMidlands,
        Region::WestMidlands,
        Region::EastOfEngland,
        Region::London,
        Region::SouthEast,
        Region::SouthWest,
        Region::Wales,
        Region::Scotland,
        Region::NorthernIreland,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Region::NorthEast => "northEast",
            Region::NorthWest => "northWest",
            Region::YorkshireAndTheHumber => "yorkshireAndTheHumber",
            Region::EastMidlands => "eastMidlands",
            Region::WestMidlands => "westMidlands",
            Region::EastOfEngland => "eastOfEngland",
            Region::London => "london",
            Region::SouthEast => "southEast",
            Region::SouthWest => "southWest",
            Region::Wales => "wales",
            Region::Scotland => "scotland",
            Region::NorthernIreland => "northernIreland",
        }
    }
}

/// Where the organisation is in the improvement programme when it assesses itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Stage {
    Before,
    During,
    After,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::Before, Stage::During, Stage::After];

    pub fn code(self) -> &'static str {
        match self {
            Stage::Before => "before",
            Stage::During => "during",
            Stage::After => "after",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Context {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub council_type: Option<CouncilType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
}

impl Context {
    pub fn is_empty(&self) -> bool {
        *self == Context::default()
    }
}
