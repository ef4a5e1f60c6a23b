//! The programme's benchmark builder, run offline on a folder of councils' returns.
//!
//! ```text
//! cm-benchmarks build <folder> --out <file> [--framework <file>] [--source <text>] [--date YYYY-MM-DD] [--allow-synthetic]
//! cm-benchmarks figures <folder> [--framework <file>]
//! cm-benchmarks synthetic --out <folder> [--seed N] [--councils N] [--improved 0.92]
//! ```
//!
//! `build` reads every `.json` file in the folder (returns, or full exports), reports each file
//! it skips and why, and writes a benchmark file the app reads. `figures` prints the
//! programme's own figures. `synthetic` writes made-up returns, labelled synthetic in every
//! file, for trying the builder and for tests; the builder refuses them unless told.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(native::run(std::env::args().skip(1).collect()));
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};
    use std::time::Instant;

    use cm_maturity::domain::context::{Context, CouncilType, Nation, Stage};
    use cm_maturity::domain::programme::{
        build_benchmarks, councils, programme_figures, read_returns, synthetic_count,
        without_duplicates, BuildMeta, Cell, Return, RETURN_FORMAT, RETURN_FORMAT_VERSION,
    };
    use cm_maturity::domain::register::Register;
    use cm_maturity::domain::scoring::display_level;
    use cm_maturity::domain::{AssessmentKind, Framework, Level, Rating};
    use cm_maturity::text::{fill, Lang, Text};

    const DEFAULT_FRAMEWORK: &str = include_str!("../../public/data/framework.json");
    const ENGLISH: &str = include_str!("../../public/data/text/en.json");
    const REGISTER: &str = include_str!("../../public/data/register.json");

    fn register() -> Result<Register, String> {
        Register::parse(REGISTER).map_err(|p| p.to_string())
    }

    struct Args {
        positional: Vec<String>,
        options: BTreeMap<String, String>,
        flags: Vec<String>,
    }

    fn parse(args: Vec<String>) -> Args {
        let mut out = Args {
            positional: Vec::new(),
            options: BTreeMap::new(),
            flags: Vec::new(),
        };
        let mut it = args.into_iter().peekable();
        while let Some(a) = it.next() {
            if let Some(name) = a.strip_prefix("--") {
                match it.peek() {
                    Some(v) if !v.starts_with("--") && name != "allow-synthetic" => {
                        out.options
                            .insert(name.to_string(), it.next().unwrap_or_default());
                    }
                    _ => out.flags.push(name.to_string()),
                }
            } else {
                out.positional.push(a);
            }
        }
        out
    }

    const USAGE: &str = "usage: cm-benchmarks build <folder> --out <file> [--framework <file>] [--source <text>] [--date YYYY-MM-DD] [--allow-synthetic]
       cm-benchmarks figures <folder> [--framework <file>]
       cm-benchmarks synthetic --out <folder> [--seed N] [--councils N] [--improved SHARE]";

    pub fn run(args: Vec<String>) -> i32 {
        let args = parse(args);
        let text = match Text::leak(Lang::En, ENGLISH) {
            Ok(t) => t,
            Err(p) => {
                eprintln!("the English words could not be read: {p}");
                return 2;
            }
        };
        let result = match args.positional.first().map(String::as_str) {
            Some("build") => build(&args, text),
            Some("figures") => figures(&args, text),
            Some("synthetic") => synthetic(&args),
            _ => Err(USAGE.to_string()),
        };
        match result {
            Ok(()) => 0,
            Err(message) => {
                eprintln!("{message}");
                1
            }
        }
    }

    fn framework(args: &Args, text: &Text) -> Result<Framework, String> {
        let json = match args.options.get("framework") {
            Some(path) => std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?,
            None => DEFAULT_FRAMEWORK.to_string(),
        };
        Framework::from_json(&json).map_err(|p| text.problems(&p).join("\n"))
    }

    /// Every return in a folder, each file reported if skipped.
    fn read_folder(
        folder: &Path,
        framework: &Framework,
        text: &Text,
        now: &str,
    ) -> Result<(Vec<Return>, Vec<String>), String> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
            .map_err(|e| format!("{}: {e}", folder.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        let mut returns = Vec::new();
        let mut skipped = Vec::new();
        for path in files {
            let name = path.display().to_string();
            let read = std::fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"));
            match read.map(|t| read_returns(&t, framework, now)) {
                Ok(Ok(list)) => returns.extend(list),
                Ok(Err(e)) => skipped.push(fill(
                    text.import_failed,
                    &[("file", &name), ("message", &text.return_error(&e))],
                )),
                Err(e) => skipped.push(e),
            }
        }
        Ok((returns, skipped))
    }

    fn today() -> String {
        // Days since 1970 to a civil date (Howard Hinnant's algorithm): no date crate needed.
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() / 86_400)
            .unwrap_or(0) as i64;
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// Peak memory of this process, from Linux's /proc (kB), if available.
    fn peak_memory_kb() -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    }

    fn build(args: &Args, text: &Text) -> Result<(), String> {
        let folder = args.positional.get(1).ok_or(USAGE)?;
        let out = args.options.get("out").ok_or(USAGE)?;
        let framework = framework(args, text)?;
        let date = args.options.get("date").cloned().unwrap_or_else(today);
        let started = Instant::now();
        let (returns, skipped) = read_folder(Path::new(folder), &framework, text, &date)?;
        let read = returns.len();
        let (returns, duplicates) = without_duplicates(returns);
        let synthetic = synthetic_count(&returns) > 0;
        if synthetic && !args.flags.iter().any(|f| f == "allow-synthetic") {
            return Err(text.programme_synthetic_refused.to_string());
        }
        let register = register()?;
        let found = councils(&returns, Some(&register));
        let councils = found.count;
        if found.by_name_only > 0 {
            println!(
                "{} returns give no register code: counted by their council's name",
                found.by_name_only
            );
        }
        let default_source = fill(
            text.programme_source,
            &[("councils", &text.count(&text.programme_councils, councils))],
        );
        let meta = BuildMeta {
            source: args
                .options
                .get("source")
                .cloned()
                .unwrap_or(default_source),
            synthetic,
            date,
            method: text.programme_method.to_string(),
            titles: text.group_titles(),
        };
        let file = build_benchmarks(&framework, &returns, &meta, Some(&register));
        let json = serde_json::to_string_pretty(&file).map_err(|e| e.to_string())?;
        std::fs::write(out, format!("{json}\n")).map_err(|e| format!("{out}: {e}"))?;
        let seconds = started.elapsed().as_secs_f64();
        for s in &skipped {
            println!("skipped {s}");
        }
        println!(
            "read {read} returns from {councils} councils ({duplicates} duplicates and {} files skipped); wrote {} benchmarks to {out}",
            skipped.len(),
            file.benchmarks.len()
        );
        println!(
            "{:.2} s, {:.0} returns a second, peak memory {}",
            seconds,
            read as f64 / seconds.max(1e-9),
            peak_memory_kb().map_or("unknown".to_string(), |kb| format!(
                "{:.1} MB",
                kb as f64 / 1024.0
            ))
        );
        Ok(())
    }

    fn figures(args: &Args, text: &Text) -> Result<(), String> {
        let folder = args.positional.get(1).ok_or(USAGE)?;
        let framework = framework(args, text)?;
        let (returns, skipped) = read_folder(Path::new(folder), &framework, text, &today())?;
        let (returns, _) = without_duplicates(returns);
        for s in &skipped {
            println!("skipped {s}");
        }
        let register = register()?;
        let found = councils(&returns, Some(&register));
        if found.by_name_only > 0 {
            println!(
                "{} returns give no register code: counted by their council's name",
                found.by_name_only
            );
        }
        let f = programme_figures(&framework, &returns, Some(&register));
        println!("councils with two or more returns: {}", f.councils);
        let cell = |c: Cell| match c {
            Cell::Count(n) => n.to_string(),
            Cell::FewerThanFive => "<5".to_string(),
            Cell::Withheld => "withheld".to_string(),
        };
        match f.movement {
            Some(m) => {
                let share = |c: Cell| m.percent(c).map_or(String::new(), |p| format!(" ({p}%)"));
                println!(
                    "overall level rose {}{}, stayed {}{}, fell {}{}",
                    cell(m.rose),
                    share(m.rose),
                    cell(m.stayed),
                    share(m.stayed),
                    cell(m.fell),
                    share(m.fell)
                )
            }
            None => println!("{}", text.programme_too_few),
        }
        for (theme, change, n) in &f.theme_change {
            println!(
                "median change {theme}: {} ({n} councils)",
                display_level(*change)
            );
        }
        for (stage, n, bands) in &f.distribution {
            let cells: Vec<String> = bands.iter().map(|b| cell(*b)).collect();
            println!(
                "{} ({n} councils): levels 1-5 {}",
                stage.code(),
                cells.join(" / ")
            );
        }
        Ok(())
    }

    /// A small, seeded random number generator (SplitMix64): the same seed, the same returns.
    struct Random(u64);

    impl Random {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    /// Writes synthetic returns from real councils drawn from the register (current English and
    /// Welsh councils, never combined authorities): each council one to three returns (before,
    /// during and after the programme), levels spread round its own starting point. Without
    /// `--improved` every council rises a little; with it, exactly that share (rounded) of the
    /// councils with more than one return rises and the rest stay level or fall. Every file says
    /// it is synthetic.
    fn synthetic(args: &Args) -> Result<(), String> {
        let out = PathBuf::from(args.options.get("out").ok_or(USAGE)?);
        let seed: u64 = args
            .options
            .get("seed")
            .map_or(Ok(1), |s| s.parse())
            .map_err(|_| "--seed must be a number")?;
        let councils: usize = args
            .options
            .get("councils")
            .map_or(Ok(100), |s| s.parse())
            .map_err(|_| "--councils must be a number")?;
        let improved: Option<f64> = match args.options.get("improved") {
            None => None,
            Some(s) => match s.parse::<f64>() {
                Ok(p) if (0.0..=1.0).contains(&p) => Some(p),
                _ => return Err("--improved must be a share from 0 to 1, like 0.92".into()),
            },
        };
        let framework = Framework::from_json(DEFAULT_FRAMEWORK).map_err(|p| p.to_string())?;
        let register = register()?;
        let mut pool: Vec<_> = register
            .councils
            .iter()
            .filter(|c| {
                c.is_current()
                    && matches!(c.nation, Nation::England | Nation::Wales)
                    && !matches!(
                        c.council_type,
                        CouncilType::CombinedAuthority | CouncilType::StrategicAuthority
                    )
            })
            .collect();
        if councils > pool.len() {
            return Err(format!(
                "--councils can be at most {} (the current English and Welsh councils)",
                pool.len()
            ));
        }
        std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
        let mut rng = Random(seed);
        // A seeded shuffle: the first `councils` of the pool are the ones that take part.
        for i in (1..pool.len()).rev() {
            pool.swap(i, rng.below(i as u64 + 1) as usize);
        }
        let mut written = 0;
        let mut several = 0usize;
        for (c, council) in pool.iter().take(councils).enumerate() {
            let base = 1 + rng.below(3) as i64;
            // With a share to meet, every council sends two or three returns, so the share is of
            // all of them; the k-th rises when rounding k × share goes up by one.
            let count = match improved {
                Some(_) => 2 + rng.below(2) as usize,
                None => 1 + rng.below(3) as usize,
            };
            let rises = match improved {
                Some(p) if count > 1 => {
                    several += 1;
                    (several as f64 * p).round() > ((several - 1) as f64 * p).round()
                }
                _ => true,
            };
            let falls = !rises && rng.below(2) == 0;
            let mut first: Option<BTreeMap<String, Rating>> = None;
            for (i, stage) in Stage::ALL.iter().take(count).enumerate() {
                let answers: BTreeMap<String, Rating> = match (&first, rises) {
                    (Some(before), false) => before
                        .iter()
                        .map(|(id, r)| {
                            let r = match r {
                                Rating::Level(l) if falls => Rating::Level(
                                    Level::new(l.get().saturating_sub(1).max(1))
                                        .unwrap_or(Level::MIN),
                                ),
                                other => *other,
                            };
                            (id.clone(), r)
                        })
                        .collect(),
                    _ => framework
                        .questions()
                        .map(|(_, q)| {
                            let roll = rng.below(20);
                            let rating = if roll == 0 {
                                Rating::DontKnow
                            } else {
                                let n =
                                    (base + i as i64 + rng.below(3) as i64 - 1).clamp(1, 5) as u8;
                                Rating::Level(Level::new(n).unwrap_or(Level::MIN))
                            };
                            (q.id.clone(), rating)
                        })
                        .collect(),
                };
                if first.is_none() {
                    first = Some(answers.clone());
                }
                let year = 2022 + i;
                let r = Return {
                    format: RETURN_FORMAT.into(),
                    format_version: RETURN_FORMAT_VERSION,
                    made: format!("{year}-06-01T09:00:00Z"),
                    framework_id: framework.id.clone(),
                    framework_version: framework.version.clone(),
                    organisation: council.name.clone(),
                    council: Some(council.reference()),
                    context: Context {
                        stage: Some(*stage),
                        ..council.context()
                    },
                    assessment_id: format!("synthetic-{seed}-{c}-{i}"),
                    assessed: format!("{year}-05-01T09:00:00Z"),
                    kind: AssessmentKind::Full,
                    answers,
                    role: None,
                    synthetic: true,
                    app_version: cm_maturity::APP_VERSION.into(),
                };
                let path = out.join(format!("synthetic-{c:05}-{i}.json"));
                std::fs::write(&path, r.to_json())
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                written += 1;
            }
        }
        println!(
            "wrote {written} synthetic returns from {councils} councils (seed {seed}) to {}",
            out.display()
        );
        Ok(())
    }
}
