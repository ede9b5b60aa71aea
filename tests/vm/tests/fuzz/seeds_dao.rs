//! Seeds of governance and the compute escrow (see `seeds`).

use commons::escrow::{
    CreateJobMsg, ExecuteMsg as EscrowMsg, JobSpec, ReceiveMsg as EscrowHook,
    UpdateConfigMsg as EscrowConfig,
};
use commons::governance::{
    ExecuteMsg as GovMsg, ProposalAction, ReceiveMsg as GovHook, UpdateConfigMsg as GovConfig, Vote,
};
use cosmwasm_std::Uint128;
use cosmwasm_std_vm::coins;

use crate::seeds::{metadata, Builder};
use crate::suite::{DENOM, JOB, OPEN, PASSED};

pub(crate) fn governance_seeds(b: &mut Builder) {
    let s = b.s;
    let g = &s.gov.clone();
    let actions = vec![
        ProposalAction::TokenMint {
            recipient: s.addr("carol"),
            amount: Uint128::new(3),
        },
        ProposalAction::EscrowDispute {
            job_id: JOB,
            reason: "metering".into(),
        },
    ];
    let propose = GovMsg::Propose {
        title: "fuzz".into(),
        description: "seed".into(),
        actions: actions.clone(),
    };
    b.add(g, "alice", propose, vec![]);
    let vote = GovMsg::Vote {
        proposal_id: OPEN,
        vote: Vote::No,
        rationale: Some("no".into()),
    };
    b.add(g, "bob", vote, vec![]);
    b.add(
        g,
        "anyone",
        GovMsg::Execute {
            proposal_id: PASSED,
        },
        vec![],
    );
    b.add(g, "anyone", GovMsg::Close { proposal_id: OPEN }, vec![]);
    let claim = GovMsg::ClaimVoteRewards {
        proposal_ids: vec![1, OPEN],
    };
    b.add(g, "alice", claim, vec![]);
    b.add(
        g,
        "alice",
        GovMsg::ClaimDeposit { proposal_id: OPEN },
        vec![],
    );
    let config = GovConfig {
        voting_period_seconds: Some(2_000),
        guardian: Some(s.addr("carol")),
        ..Default::default()
    };
    b.add(g, "gov", GovMsg::UpdateConfig(Box::new(config)), vec![]);
    let hook = GovHook::Propose {
        title: "by tokens".into(),
        description: String::new(),
        actions: actions.clone(),
    };
    b.receive(g, hook);
    b.add(
        g,
        "gov",
        GovMsg::RunActions {
            proposal_id: PASSED,
        },
        vec![],
    );
    b.add(
        g,
        "guardian",
        GovMsg::GuardianVeto {
            proposal_id: PASSED,
        },
        vec![],
    );
    let hook = GovHook::Propose {
        title: "by tokens".into(),
        description: String::new(),
        actions,
    };
    b.hook(g, "alice", 9, hook);
}

pub(crate) fn escrow_seeds(b: &mut Builder) {
    let s = b.s;
    let e = &s.escrow.clone();
    let now = s.now();
    let job = CreateJobMsg {
        provider: Some(s.addr("gpu")),
        client: None,
        refund_to: Some(s.addr("client")),
        spec: JobSpec {
            uri: "ipfs://job2".into(),
            hash: "def456".into(),
        },
        price_per_unit: Uint128::new(2),
        max_units: Uint128::new(50),
        accept_by: now.plus_seconds(600),
        deadline: now.plus_seconds(7_200),
    };
    let stake = coins(500, DENOM);
    b.add(
        e,
        "gpu2",
        EscrowMsg::RegisterProvider {
            metadata: metadata(),
        },
        stake.clone(),
    );
    b.add(
        e,
        "gpu",
        EscrowMsg::UpdateProvider {
            metadata: metadata(),
        },
        vec![],
    );
    b.add(e, "gpu", EscrowMsg::AddStake {}, stake);
    b.add(e, "gpu", EscrowMsg::Unbond {}, vec![]);
    b.add(e, "gpu", EscrowMsg::WithdrawStake {}, vec![]);
    b.add(
        e,
        "client",
        EscrowMsg::CreateJob(job.clone()),
        coins(100, DENOM),
    );
    b.add(e, "gpu", EscrowMsg::AcceptJob { job_id: JOB }, vec![]);
    let report = EscrowMsg::ReportUsage {
        job_id: JOB,
        units: Uint128::new(9),
        proof: Some("ipfs://proof".into()),
    };
    b.add(e, "gpu", report, vec![]);
    b.add(e, "client", EscrowMsg::ApproveUsage { job_id: JOB }, vec![]);
    let dispute = EscrowMsg::Dispute {
        job_id: JOB,
        reason: "meter disagrees".into(),
    };
    b.add(e, "client", dispute, vec![]);
    let ruling = EscrowMsg::ResolveDispute {
        job_id: JOB,
        approved_units: Uint128::new(3),
        slash: Uint128::new(1),
    };
    b.add(e, "gov", ruling, vec![]);
    b.add(
        e,
        "gpu",
        EscrowMsg::ClaimPayments { job_ids: vec![JOB] },
        vec![],
    );
    b.add(e, "client", EscrowMsg::CompleteJob { job_id: JOB }, vec![]);
    b.add(e, "client", EscrowMsg::CancelJob { job_id: JOB }, vec![]);
    b.add(
        e,
        "client",
        EscrowMsg::TopUp { job_id: JOB },
        coins(10, DENOM),
    );
    let config = EscrowConfig {
        fee_bps: Some(50),
        ..Default::default()
    };
    b.add(e, "gov", EscrowMsg::UpdateConfig(Box::new(config)), vec![]);
    b.receive(e, EscrowHook::TopUp { job_id: JOB });
    b.hook(
        e,
        "gpu",
        9,
        EscrowHook::RegisterProvider {
            metadata: metadata(),
        },
    );
    b.hook(e, "gpu", 9, EscrowHook::AddStake {});
    b.hook(e, "client", 100, EscrowHook::CreateJob(job));
    b.hook(e, "client", 9, EscrowHook::TopUp { job_id: JOB });
}
