//! Marketing information and logo at instantiation. Later updates go through cw20-base's own
//! `update_marketing` / `upload_logo`, which share this storage layout and these logo rules.

use commons::reward_token::InstantiateMarketingInfo;
use cosmwasm_std::DepsMut;
use cw20::{EmbeddedLogo, Logo, LogoInfo, MarketingInfoResponse};
use cw20_base::state::{LOGO, MARKETING_INFO};
use cw20_base::ContractError as BaseError;

use crate::error::ContractError;
use crate::tokens::validate_addr;

/// Largest embedded logo accepted, in bytes (cw20-base's rule).
const LOGO_SIZE_CAP: usize = 5 * 1024;
const PNG_HEADER: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];

/// An embedded SVG must open with an XML declaration (`<?xml ... ?>`); a PNG with the PNG
/// signature; both at most 5 KB. URLs are taken as given.
pub fn verify_logo(logo: &Logo) -> Result<(), BaseError> {
    let data = match logo {
        Logo::Url(_) => return Ok(()),
        Logo::Embedded(EmbeddedLogo::Svg(data)) => {
            let first_tag = data.split_inclusive(|b| *b == b'>').next().unwrap_or(&[]);
            if !(first_tag.starts_with(b"<?xml ") && first_tag.ends_with(b"?>")) {
                return Err(BaseError::InvalidXmlPreamble {});
            }
            data
        }
        Logo::Embedded(EmbeddedLogo::Png(data)) => {
            if data.len() <= LOGO_SIZE_CAP && !data.starts_with(&PNG_HEADER) {
                return Err(BaseError::InvalidPngHeader {});
            }
            data
        }
    };
    if data.len() > LOGO_SIZE_CAP {
        return Err(BaseError::LogoTooBig {});
    }
    Ok(())
}

pub fn save_marketing(
    deps: DepsMut,
    marketing: InstantiateMarketingInfo,
) -> Result<(), ContractError> {
    let logo = match marketing.logo {
        Some(logo) => {
            verify_logo(&logo)?;
            LOGO.save(deps.storage, &logo)?;
            Some(match logo {
                Logo::Url(url) => LogoInfo::Url(url),
                Logo::Embedded(_) => LogoInfo::Embedded,
            })
        }
        None => None,
    };
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
