//! Direct access to contracts' storage (benchmarks build many holders, proposals or jobs
//! with it) and the snapshots that roll a failed (sub)message back.

use cosmwasm_std_vm::Order;
use cosmwasm_vm::Storage;

use crate::chain::{vm, Chain, Snapshot};

impl Chain {
    /// Writes raw storage entries of `contract` directly, bypassing the contract (benchmarks
    /// use it to build up many holders, proposals or jobs cheaply).
    pub fn raw_set_many(
        &self,
        contract: &str,
        entries: impl Iterator<Item = (Vec<u8>, Vec<u8>)>,
    ) -> Result<(), String> {
        let inst = self.instance(contract)?;
        inst.borrow_mut()
            .with_storage(|s| {
                for (k, v) in entries {
                    s.set(&k, &v).0?;
                }
                Ok(())
            })
            .map_err(vm)?;
        Ok(())
    }

    /// Every raw storage entry of `contract`, in key order.
    pub fn raw_all(&self, contract: &str) -> Result<Vec<(Vec<u8>, Vec<u8>)>, String> {
        let inst = self.instance(contract)?;
        let records = inst
            .borrow_mut()
            .with_storage(|s| {
                let id = s.scan(None, None, Order::Ascending).0?;
                Ok(s.all(id).0?)
            })
            .map_err(vm)?;
        Ok(records)
    }

    /// Copies every storage entry of `contract` whose key ends with `template` once per
    /// replacement, with that suffix replaced (values are copied as they are). This builds many
    /// holders, voters, proposals or jobs from one real one without knowing the contract's
    /// storage layout (a map keyed by the address or id, or by a pair ending with it); returns
    /// how many entries were written.
    pub fn clone_keyed(
        &self,
        contract: &str,
        template: &[u8],
        replacements: impl Iterator<Item = Vec<u8>>,
    ) -> Result<usize, String> {
        let matching: Vec<_> = self
            .raw_all(contract)?
            .into_iter()
            .filter(|(k, _)| k.ends_with(template))
            .collect();
        if matching.is_empty() {
            return Err(format!("no key of {contract} ends with the template"));
        }
        let mut written = 0;
        let entries = replacements.flat_map(|r| {
            matching
                .iter()
                .map(|(k, v)| {
                    let mut key = k[..k.len() - template.len()].to_vec();
                    key.extend_from_slice(&r);
                    (key, v.clone())
                })
                .collect::<Vec<_>>()
        });
        let entries = entries.inspect(|_| written += 1);
        self.raw_set_many(contract, entries)?;
        Ok(written)
    }

    /// Every contract as it is now, to roll a failed (sub)message back to.
    pub(crate) fn snapshot(&self) -> Result<Snapshot, String> {
        let instances = self.contracts.borrow().clone();
        let storage = instances
            .keys()
            .map(|addr| Ok((addr.clone(), self.raw_all(addr)?)))
            .collect::<Result<_, String>>()?;
        Ok(Snapshot {
            instances,
            meta: self.meta.borrow().clone(),
            storage,
        })
    }

    /// Puts every contract back as `snapshot` had it: the same instance at each address (a
    /// migrated contract gets its old code back), the same metadata and storage; contracts
    /// created since are forgotten.
    pub(crate) fn restore(&self, snapshot: Snapshot) -> Result<(), String> {
        *self.contracts.borrow_mut() = snapshot.instances;
        *self.meta.borrow_mut() = snapshot.meta;
        for (addr, records) in snapshot.storage {
            let inst = self.instance(&addr)?;
            inst.borrow_mut()
                .with_storage(|s| {
                    let id = s.scan(None, None, Order::Ascending).0?;
                    for (key, _) in s.all(id).0? {
                        s.remove(&key).0?;
                    }
                    for (key, value) in &records {
                        s.set(key, value).0?;
                    }
                    Ok(())
                })
                .map_err(vm)?;
        }
        Ok(())
    }
}
