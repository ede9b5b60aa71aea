//! `wasm-lower <in.wasm> <out.wasm>`: see the library's documentation.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, output] = args.as_slice() else {
        eprintln!("usage: wasm-lower <in.wasm> <out.wasm>");
        return ExitCode::from(2);
    };
    let result = std::fs::read(input)
        .map_err(|err| format!("cannot read {input}: {err}"))
        .and_then(|wasm| wasm_lower::lower(&wasm).map_err(|err| format!("{input}: {err}")))
        .and_then(|lowered| {
            std::fs::write(output, &lowered.wasm)
                .map_err(|err| format!("cannot write {output}: {err}"))?;
            Ok(lowered)
        });
    match result {
        Ok(lowered) => {
            println!(
                "{input}: replaced {} memory.copy and {} memory.fill",
                lowered.copies, lowered.fills
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("wasm-lower: {err}");
            ExitCode::FAILURE
        }
    }
}
