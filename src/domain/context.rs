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
    /// The City of London Corporation.
    CityCorporation,
    /// The Greater London Authority.
    StrategicAuthority,
    /// A county or county borough council in Wales.
    WelshPrincipal,
    ScottishUnitary,
    NorthernIrelandDistrict,
    Other,
}

impl CouncilType {
    pub const ALL: [CouncilType; 12] = [
        CouncilType::County,
        CouncilType::District,
        CouncilType::Unitary,
        CouncilType::MetropolitanBorough,
        CouncilType::LondonBorough,
        CouncilType::CombinedAuthority,
        CouncilType::CityCorporation,
        CouncilType::StrategicAuthority,
        CouncilType::WelshPrincipal,
        CouncilType::ScottishUnitary,
        CouncilType::NorthernIrelandDistrict,
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
            CouncilType::CityCorporation => "cityCorporation",
            CouncilType::StrategicAuthority => "strategicAuthority",
            CouncilType::WelshPrincipal => "welshPrincipal",
            CouncilType::ScottishUnitary => "scottishUnitary",
            CouncilType::NorthernIrelandDistrict => "northernIrelandDistrict",
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

    /// The nation a region is in (the last three "regions" are nations of their own).
    pub fn nation(self) -> Nation {
        match self {
            Region::Wales => Nation::Wales,
            Region::Scotland => Nation::Scotland,
            Region::NorthernIreland => Nation::NorthernIreland,
            _ => Nation::England,
        }
    }

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

/// The nations of the UK. The law a framework states is written for England and Wales; a
/// council's nation decides which of it the council is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Nation {
    England,
    Wales,
    Scotland,
    NorthernIreland,
}

impl Nation {
    pub const ALL: [Nation; 4] = [
        Nation::England,
        Nation::Wales,
        Nation::Scotland,
        Nation::NorthernIreland,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Nation::England => "england",
            Nation::Wales => "wales",
            Nation::Scotland => "scotland",
            Nation::NorthernIreland => "northernIreland",
        }
    }

    /// Whether the frameworks' legal statements are written for this nation's councils (the
    /// Procurement Act 2023 and its regulations as they apply in England and in Wales).
    pub fn law_written_for(self) -> bool {
        matches!(self, Nation::England | Nation::Wales)
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nation: Option<Nation>,
}

impl Context {
    pub fn is_empty(&self) -> bool {
        *self == Context::default()
    }

    /// The council's nation: as given, or known from its region (older saves gave only that).
    pub fn nation(&self) -> Option<Nation> {
        self.nation.or(self.region.map(Region::nation))
    }
}
