//! Marketing information and logo, with cw20-base's rules, messages and storage: the same
//! JSON items under the same keys (`"marketing_info"`, `"logo"`). They are read and written
//! rarely, never by a transfer, so they are plain cw-storage-plus items.

use commons::addr::validate_addr;
use commons::reward_token::InstantiateMarketingInfo;
use cosmwasm_std::{Deps, DepsMut, MessageInfo, Response, StdError, StdResult};
use cw20::{DownloadLogoResponse, EmbeddedLogo, Logo, LogoInfo, MarketingInfoResponse};

use crate::error::ContractError;
use crate::response::response;
use crate::state::{LOGO, MARKETING_INFO};

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
    LOGO.save(deps.storage, &logo)?;
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
    MARKETING_INFO.save(deps.storage, &info)?;
    Ok(())
}

/// The marketing information, if `sender` is its marketing address.
fn load_as_marketer(
    deps: &DepsMut,
    info: &MessageInfo,
) -> Result<MarketingInfoResponse, ContractError> {
    let marketing = MARKETING_INFO
        .may_load(deps.storage)?
        .ok_or(ContractError::Unauthorized)?;
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
        MARKETING_INFO.remove(deps.storage);
    } else {
        MARKETING_INFO.save(deps.storage, &current)?;
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
    MARKETING_INFO.save(deps.storage, &current)?;
    Ok(response("upload_logo", 1))
}

pub fn query_marketing_info(deps: Deps) -> StdResult<MarketingInfoResponse> {
    Ok(MARKETING_INFO.may_load(deps.storage)?.unwrap_or_default())
}

/// The embedded logo; an error when the logo is a URL or unset.
pub fn query_download_logo(deps: Deps) -> StdResult<DownloadLogoResponse> {
    let stored = LOGO
        .may_load(deps.storage)?
        .ok_or_else(|| StdError::not_found("logo"))?;
    let (mime_type, data) = match stored {
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
    use cosmwasm_std::testing::MockStorage;
    use cosmwasm_std::{Addr, Binary, Storage};

    /// The items are cw20-base's: same keys, same JSON.
    #[test]
    fn items_are_stored_as_cw20_base_stores_them() {
        let mut store = MockStorage::new();
        let info = MarketingInfoResponse {
            project: Some("p".into()),
            description: None,
            marketing: Some(Addr::unchecked("cosmwasm1marketer")),
            logo: Some(LogoInfo::Embedded),
        };
        MARKETING_INFO.save(&mut store, &info).unwrap();
        LOGO.save(
            &mut store,
            &Logo::Embedded(EmbeddedLogo::Png(Binary::from(PNG_HEADER))),
        )
        .unwrap();
        assert_eq!(
            store.get(b"marketing_info").unwrap(),
            br#"{"project":"p","description":null,"logo":"embedded","marketing":"cosmwasm1marketer"}"#
        );
        assert_eq!(
            store.get(b"logo").unwrap(),
            br#"{"embedded":{"png":"iVBORw0KGgo="}}"#
        );
    }
}
