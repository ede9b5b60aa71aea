//! Lists: open offers only while they can be accepted, totals paginated and never cut, and
//! events that name every job and amount an execute touched.

use super::*;
use cw_multi_test::{BankSudo, SudoMsg};

/// Creates a job (1 unit at 1 `upay`) that must be accepted within `seconds`.
fn offer(s: &mut Suite, seconds: u64) -> u64 {
    let mut msg = s.job_msg(None, 1, 1);
    msg.accept_by = s.now().plus_seconds(seconds);
    let res = s
        .exec_funds("client", &ExecuteMsg::CreateJob(msg), &coins(1, PAY))
        .unwrap();
    attr(&res, "job_id").unwrap().parse().unwrap()
}

#[test]
fn open_jobs_lists_only_offers_that_can_still_be_accepted() {
    let mut s = Suite::new();
    s.register("prov", 1_000).unwrap();
    let ids: Vec<u64> = [50, 10, 30, 40, 20].map(|t| offer(&mut s, t)).to_vec();
    let [a50, a10, a30, a40, a20] = [ids[0], ids[1], ids[2], ids[3], ids[4]];
    // soonest acceptance deadline first
    assert_eq!(s.open_jobs(None, None), vec![a10, a20, a30, a40, a50]);
    // at a job's accept_by it can no longer be accepted, and is no longer listed
    s.wait(19);
    assert_eq!(s.open_jobs(None, None), vec![a20, a30, a40, a50]);
    s.wait(1);
    assert_eq!(s.open_jobs(None, None), vec![a30, a40, a50]);
    assert_eq!(
        Suite::err(s.exec("prov", &ExecuteMsg::AcceptJob { job_id: a20 })),
        ContractError::AcceptWindowClosed {
            job_id: a20,
            accept_by: s.job(a20).accept_by
        }
    );
    // pages continue after a job id, even one that has expired since
    assert_eq!(s.open_jobs(None, Some(2)), vec![a30, a40]);
    assert_eq!(s.open_jobs(Some(a40), Some(2)), vec![a50]);
    assert_eq!(s.open_jobs(Some(a10), None), vec![a30, a40, a50]);
    // accepted and cancelled offers leave the list
    s.exec("prov", &ExecuteMsg::AcceptJob { job_id: a40 })
        .unwrap();
    s.cancel(a30).unwrap();
    assert_eq!(s.open_jobs(None, None), vec![a50]);
    // an expired offer still refunds in full
    s.cancel(a10).unwrap();
    assert_eq!(s.job(a10).balance.u128(), 0);
}

#[test]
fn an_offer_is_accepted_until_the_second_before_accept_by() {
    let mut s = Suite::new();
    s.register("prov", 1_000).unwrap();
    let id = offer(&mut s, 30);
    let late = offer(&mut s, 30);
    let accept_by = s.job(id).accept_by;
    s.go_to(accept_by.minus_seconds(1));
    assert_eq!(s.open_jobs(None, None), vec![id, late]);
    s.exec("prov", &ExecuteMsg::AcceptJob { job_id: id })
        .unwrap();
    s.go_to(accept_by);
    assert!(s.open_jobs(None, None).is_empty());
    assert_eq!(
        Suite::err(s.exec("prov", &ExecuteMsg::AcceptJob { job_id: late })),
        ContractError::AcceptWindowClosed {
            job_id: late,
            accept_by
        }
    );
}

#[test]
fn open_jobs_pages_are_bounded() {
    let mut s = Suite::new();
    let ids: Vec<u64> = (0..35).map(|_| offer(&mut s, 100)).collect();
    assert_eq!(s.open_jobs(None, None), ids[..10].to_vec());
    assert_eq!(s.open_jobs(None, Some(100)), ids[..30].to_vec());
    assert_eq!(s.open_jobs(Some(ids[29]), Some(30)), ids[30..].to_vec());
}

#[test]
fn totals_page_through_more_than_thirty_assets() {
    let mut s = Suite::new();
    let denoms: Vec<String> = (0..35).map(|i| format!("uasset{i:02}")).collect();
    let client = s.addr("client");
    s.app
        .sudo(SudoMsg::Bank(BankSudo::Mint {
            to_address: client.to_string(),
            amount: denoms
                .iter()
                .map(|d| Coin::new(10u128, d.clone()))
                .collect(),
        }))
        .unwrap();
    // at most 30 accepted at once: two configurations cover the 35
    for chunk in denoms.chunks(30) {
        let accepted = chunk
            .iter()
            .map(|d| AssetInfoUnchecked::Native(d.clone()))
            .collect();
        s.update_config(UpdateConfigMsg {
            accepted_assets: Some(accepted),
            ..UpdateConfigMsg::default()
        })
        .unwrap();
        for denom in chunk {
            let msg = s.job_msg(None, 2, 3);
            s.exec_funds("client", &ExecuteMsg::CreateJob(msg), &coins(6, denom))
                .unwrap();
        }
    }
    assert_eq!(s.totals().assets.len(), 10);
    assert_eq!(s.totals_page(None, Some(100)).assets.len(), 30);
    let mut seen = vec![];
    let mut start_after = None;
    loop {
        let page = s.totals_page(start_after, Some(7)).assets;
        let Some(last) = page.last() else { break };
        start_after = Some(last.asset.clone().into());
        for e in &page {
            assert_eq!(e.totals.escrowed.u128(), 6);
            assert_eq!(e.totals.held.u128(), 6);
        }
        seen.extend(page.into_iter().map(|e| e.asset.to_string()));
    }
    let expected: Vec<String> = denoms.iter().map(|d| format!("native:{d}")).collect();
    assert_eq!(seen, expected);
}

#[test]
fn claim_names_every_job_it_paid() {
    let mut s = Suite::new();
    s.register("prov", 5_000).unwrap();
    let native = s.create_job(100, 10);
    let msg = s.job_msg(Some("prov"), 50, 4);
    let res = s
        .send_cw20("client", 200, &ReceiveMsg::CreateJob(msg))
        .unwrap();
    assert_eq!(
        attr(&res, "escrowed"),
        Some(format!("200:cw20:{}", s.token))
    );
    let cw20: u64 = attr(&res, "job_id").unwrap().parse().unwrap();
    let idle = s.create_job(1, 1);
    for id in [native, cw20, idle] {
        s.exec("prov", &ExecuteMsg::AcceptJob { job_id: id })
            .unwrap();
    }
    s.report(native, 3).unwrap();
    s.report(cw20, 2).unwrap();
    s.wait(CHALLENGE);
    let res = s.claim(&[cw20, idle, native]).unwrap();
    // jobs with nothing payable are skipped; the others are named in the order given
    assert_eq!(
        attrs(&res, "job_id"),
        vec![cw20.to_string(), native.to_string()]
    );
    let token = format!("cw20:{}", s.token);
    assert_eq!(
        attrs(&res, "gross"),
        vec![format!("100:{token}"), "300:native:upay".into()]
    );
    assert_eq!(
        attrs(&res, "fee"),
        vec![format!("3:{token}"), "8:native:upay".into()]
    );
    assert_eq!(
        attrs(&res, "net"),
        vec![format!("97:{token}"), "292:native:upay".into()]
    );
    assert_eq!(s.cw20(&s.addr("prov")), 97);
    assert_eq!(s.bank("prov", PAY), 292);
}
