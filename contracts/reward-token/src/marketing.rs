//! Marketing information and logo, with cw20-base's rules and messages, stored in a small
//! binary layout (they are read and written rarely; a layout of our own keeps their JSON
//! (de)serialization out of the wasm).
//!
//! - `"marketing_info"`: project, description, marketing address, logo URL, each as a flag
//!   byte (0 absent, 1 present) then, when present, a 4-byte big-endian length and the UTF-8
//!   bytes; then the logo kind (0 none, 1 URL, 2 embedded).
//! - `"logo"`: the logo kind (1 URL, 2 SVG, 3 PNG), then its bytes.

use commons::reward_token::InstantiateMarketingInfo;
use cosmwasm_std::{
    Addr, Binary, Deps, DepsMut, MessageInfo, Response, StdError, StdResult, Storage,
};
use cw20::{DownloadLogoResponse, EmbeddedLogo, Logo, LogoInfo, MarketingInfoResponse};

use crate::error::ContractError;
use crate::response::response;
use crate::state::{LOGO_KEY, MARKETING_INFO_KEY};
use crate::tokens::validate_addr;

const NO_LOGO: u8 = 0;
const URL: u8 = 1;
const EMBEDDED: u8 = 2;
const SVG: u8 = 2;
const PNG: u8 = 3;

fn corrupt(what: &str) -> StdError {
    StdError::parse_err(what, "record is corrupt")
}

/// Appends an optional string: presence flag, then 4-byte length and bytes.
fn put_text(out: &mut Vec<u8>, text: Option<&str>) -> StdResult<()> {
    match text {
        Some(t) => {
            // a message, and so any field of it, is far below 4 GiB
            let len = u32::try_from(t.len()).map_err(|_| corrupt("marketing info"))?;
            out.push(1);
            out.extend_from_slice(&len.to_be_bytes());
            out.extend_from_slice(t.as_bytes());
        }
        None => out.push(0),
    }
    Ok(())
}

/// Reads what [`put_text`] wrote from the front of `bytes`.
fn take_text(bytes: &mut &[u8]) -> StdResult<Option<String>> {
    let (&flag, rest) = bytes
        .split_first()
        .ok_or_else(|| corrupt("marketing info"))?;
    if flag == 0 {
        *bytes = rest;
        return Ok(None);
    }
    let (len, rest) = rest
        .split_first_chunk::<4>()
        .ok_or_else(|| corrupt("marketing info"))?;
    let (text, rest) = usize::try_from(u32::from_be_bytes(*len))
        .ok()
        .and_then(|len| rest.split_at_checked(len))
        .ok_or_else(|| corrupt("marketing info"))?;
    *bytes = rest;
    String::from_utf8(text.to_vec())
        .map(Some)
        .map_err(|_| corrupt("marketing info"))
}

fn encode_info(info: &MarketingInfoResponse) -> StdResult<Vec<u8>> {
    let mut out = Vec::new();
    put_text(&mut out, info.project.as_deref())?;
    put_text(&mut out, info.description.as_deref())?;
    put_text(&mut out, info.marketing.as_ref().map(Addr::as_str))?;
    let (kind, url) = match &info.logo {
        None => (NO_LOGO, None),
        Some(LogoInfo::Url(url)) => (URL, Some(url.as_str())),
        Some(LogoInfo::Embedded) => (EMBEDDED, None),
    };
    put_text(&mut out, url)?;
    out.push(kind);
    Ok(out)
}

fn decode_info(mut bytes: &[u8]) -> StdResult<MarketingInfoResponse> {
    let project = take_text(&mut bytes)?;
    let description = take_text(&mut bytes)?;
    let marketing = take_text(&mut bytes)?.map(Addr::unchecked);
    let url = take_text(&mut bytes)?;
    let logo = match (bytes, url) {
        ([NO_LOGO], None) => None,
        ([URL], Some(url)) => Some(LogoInfo::Url(url)),
        ([EMBEDDED], None) => Some(LogoInfo::Embedded),
        _ => return Err(corrupt("marketing info")),
    };
    Ok(MarketingInfoResponse {
        project,
        description,
        marketing,
        logo,
    })
}

fn load_info(store: &dyn Storage) -> StdResult<Option<MarketingInfoResponse>> {
    store
        .get(MARKETING_INFO_KEY)
        .map(|b| decode_info(&b))
        .transpose()
}

fn save_info(store: &mut dyn Storage, info: &MarketingInfoResponse) -> StdResult<()> {
    store.set(MARKETING_INFO_KEY, &encode_info(info)?);
    Ok(())
}

fn encode_logo(logo: &Logo) -> Vec<u8> {
    let (kind, data) = match logo {
        Logo::Url(url) => (URL, url.as_bytes()),
        Logo::Embedded(EmbeddedLogo::Svg(data)) => (SVG, data.as_slice()),
        Logo::Embedded(EmbeddedLogo::Png(data)) => (PNG, data.as_slice()),
    };
    let mut out = Vec::with_capacity(1 + data.len());
    out.push(kind);
    out.extend_from_slice(data);
    out
}

fn decode_logo(bytes: &[u8]) -> StdResult<Logo> {
    let (&kind, data) = bytes.split_first().ok_or_else(|| corrupt("logo"))?;
    let embedded = || Binary::from(data);
    Ok(match kind {
        URL => Logo::Url(String::from_utf8(data.to_vec()).map_err(|_| corrupt("logo"))?),
        SVG => Logo::Embedded(EmbeddedLogo::Svg(embedded())),
        PNG => Logo::Embedded(EmbeddedLogo::Png(embedded())),
        _ => return Err(corrupt("logo")),
    })
}

/// Largest embedded logo accepted, in bytes (cw20-base's rule).
const LOGO_SIZE_CAP: usize = 5 * 1024;
const PNG_HEADER: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];

/// An embedded SVG must open with an XML declaration (`<?xml ... ?>`); a PNG with the PNG
/// signature; both at most 5 KB. URLs are taken as given.
pub fn verify_logo(logo: &Logo) -> Result<(), ContractError> {
    let data = match logo {
        Logo::Url(_) => return Ok(()),
        Logo::Embedded(EmbeddedLogo::Svg(data)) => {
            let first_tag = data.split_inclusive(|b| *b == b'>').next().unwrap_or(&[]);
            if !(first_tag.starts_with(b"<?xml ") && first_tag.ends_with(b"?>")) {
                return Err(ContractError::InvalidXmlPreamble);
            }
            data
        }
        Logo::Embedded(EmbeddedLogo::Png(data)) => {
            if data.len() <= LOGO_SIZE_CAP && !data.starts_with(&PNG_HEADER) {
                return Err(ContractError::InvalidPngHeader);
            }
            data
        }
    };
    if data.len() > LOGO_SIZE_CAP {
        return Err(ContractError::LogoTooBig);
    }
    Ok(())
}

/// Stores `logo` and returns what the marketing information says about it.
fn save_logo(deps: &mut DepsMut, logo: Logo) -> Result<LogoInfo, ContractError> {
    verify_logo(&logo)?;
    deps.storage.set(LOGO_KEY, &encode_logo(&logo));
    Ok(match logo {
        Logo::Url(url) => LogoInfo::Url(url),
        Logo::Embedded(_) => LogoInfo::Embedded,
    })
}

pub fn save_marketing(
    mut deps: DepsMut,
    marketing: InstantiateMarketingInfo,
) -> Result<(), ContractError> {
    let logo = marketing
        .logo
        .map(|logo| save_logo(&mut deps, logo))
        .transpose()?;
    let info = MarketingInfoResponse {
        project: marketing.project,
        description: marketing.description,
        marketing: marketing
            .marketing
            .map(|m| validate_addr(deps.api, &m))
            .transpose()?,
        logo,
    };
    save_info(deps.storage, &info)?;
    Ok(())
}

/// The marketing information, if `sender` is its marketing address.
fn load_as_marketer(
    deps: &DepsMut,
    info: &MessageInfo,
) -> Result<MarketingInfoResponse, ContractError> {
    let marketing = load_info(deps.storage)?.ok_or(ContractError::Unauthorized)?;
    if marketing.marketing.as_ref() != Some(&info.sender) {
        return Err(ContractError::Unauthorized);
    }
    Ok(marketing)
}

/// `Some("")` (or only whitespace) clears a field, `None` leaves it.
fn update_field(field: &mut Option<String>, new: Option<String>) {
    match new {
        Some(empty) if empty.trim().is_empty() => *field = None,
        Some(value) => *field = Some(value),
        None => (),
    }
}

/// cw20 `update_marketing` (marketing address only).
pub fn execute_update_marketing(
    deps: DepsMut,
    info: MessageInfo,
    project: Option<String>,
    description: Option<String>,
    marketing: Option<String>,
) -> Result<Response, ContractError> {
    let mut current = load_as_marketer(&deps, &info)?;
    update_field(&mut current.project, project);
    update_field(&mut current.description, description);
    match marketing {
        Some(empty) if empty.trim().is_empty() => current.marketing = None,
        Some(marketing) => current.marketing = Some(validate_addr(deps.api, &marketing)?),
        None => (),
    }
    let empty = current.project.is_none()
        && current.description.is_none()
        && current.marketing.is_none()
        && current.logo.is_none();
    if empty {
        deps.storage.remove(MARKETING_INFO_KEY);
    } else {
        save_info(deps.storage, &current)?;
    }
    Ok(response("update_marketing", 1))
}

/// cw20 `upload_logo` (marketing address only).
pub fn execute_upload_logo(
    mut deps: DepsMut,
    info: MessageInfo,
    logo: Logo,
) -> Result<Response, ContractError> {
    let mut current = load_as_marketer(&deps, &info)?;
    current.logo = Some(save_logo(&mut deps, logo)?);
    save_info(deps.storage, &current)?;
    Ok(response("upload_logo", 1))
}

pub fn query_marketing_info(deps: Deps) -> StdResult<MarketingInfoResponse> {
    Ok(load_info(deps.storage)?.unwrap_or_default())
}

/// The embedded logo; an error when the logo is a URL or unset.
pub fn query_download_logo(deps: Deps) -> StdResult<DownloadLogoResponse> {
    let stored = deps
        .storage
        .get(LOGO_KEY)
        .ok_or_else(|| StdError::not_found("logo"))?;
    let (mime_type, data) = match decode_logo(&stored)? {
        Logo::Embedded(EmbeddedLogo::Svg(data)) => ("image/svg+xml", data),
        Logo::Embedded(EmbeddedLogo::Png(data)) => ("image/png", data),
        Logo::Url(_) => return Err(StdError::not_found("logo")),
    };
    Ok(DownloadLogoResponse {
        mime_type: mime_type.to_string(),
        data,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marketing_info_round_trips() {
        let full = MarketingInfoResponse {
            project: Some("https://commons.example".into()),
            description: Some(String::new()),
            marketing: Some(Addr::unchecked("cosmwasm1marketer")),
            logo: Some(LogoInfo::Url("https://commons.example/logo.svg".into())),
        };
        assert_eq!(decode_info(&encode_info(&full).unwrap()).unwrap(), full);
        let embedded = MarketingInfoResponse {
            logo: Some(LogoInfo::Embedded),
            marketing: None,
            ..full
        };
        assert_eq!(
            decode_info(&encode_info(&embedded).unwrap()).unwrap(),
            embedded
        );
        let empty = MarketingInfoResponse::default();
        assert_eq!(encode_info(&empty).unwrap(), [0, 0, 0, 0, NO_LOGO]);
        assert_eq!(decode_info(&encode_info(&empty).unwrap()).unwrap(), empty);
    }

    #[test]
    fn corrupt_marketing_info_is_an_error() {
        let good = encode_info(&MarketingInfoResponse {
            project: Some("p".into()),
            ..MarketingInfoResponse::default()
        })
        .unwrap();
        assert!(decode_info(&good[..good.len() - 1]).is_err());
        assert!(decode_info(&good[..3]).is_err());
        let mut longer = good.clone();
        longer.push(0);
        assert!(decode_info(&longer).is_err());
        // a URL without the URL kind, and text that is not UTF-8
        assert!(decode_info(&[0, 0, 0, 1, 0, 0, 0, 1, b'u', NO_LOGO]).is_err());
        assert!(decode_info(&[1, 0, 0, 0, 1, 0xff, 0, 0, 0, NO_LOGO]).is_err());
        // a length past the end
        assert!(decode_info(&[1, 0, 0, 0, 9, b'p', 0, 0, 0, NO_LOGO]).is_err());
    }

    #[test]
    fn logo_round_trips() {
        for logo in [
            Logo::Url("https://x".into()),
            Logo::Embedded(EmbeddedLogo::Svg(Binary::from(b"<?xml ?>"))),
            Logo::Embedded(EmbeddedLogo::Png(Binary::from(PNG_HEADER))),
        ] {
            assert_eq!(decode_logo(&encode_logo(&logo)).unwrap(), logo);
        }
        assert!(decode_logo(&[]).is_err());
        assert!(decode_logo(&[9, 1]).is_err());
        assert!(decode_logo(&[URL, 0xff]).is_err());
    }
}
