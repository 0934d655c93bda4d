//! The memory report as one self-contained HTML page (`gosub run --memreport=FILE`): no
//! scripts, fonts or network, so it opens from disk in any browser. Its charts are SVG
//! drawn by plotters (the heap over the run as stacked areas with the goal line and every
//! collection marked; the pause histogram); hover targets with `<title>` tooltips are laid
//! over each collection's mark at the coordinates plotters maps it to. The data is
//! `memreport.rs`'s.

use crate::memreport::MemoryReport;
use gosub_heap::gc_log::{GcRecord, Spaces};
use gosub_heap::GcKind;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::fmt::Write;

const WIDTH: u32 = 960;
const KIB: f64 = 1024.0;

/// The five spaces, bottom layer first, with their colours.
const LAYERS: [(&str, RGBColor); 5] = [
    ("goroutine stacks", RGBColor(0x9e, 0x9e, 0x9e)),
    ("large objects", RGBColor(0xe0, 0x8e, 0x3c)),
    ("old space", RGBColor(0x4c, 0x72, 0xb0)),
    ("survivor spaces", RGBColor(0x8c, 0xc0, 0x6a)),
    ("nursery", RGBColor(0xf2, 0xd3, 0x5b)),
];

fn layer_values(s: &Spaces) -> [u64; 5] {
    [s.stacks, s.large, s.old, s.survivor, s.nursery]
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn kib(b: u64) -> String {
    format!("{:.1} KiB", b as f64 / KIB)
}

/// The whole page.
pub fn page(r: &MemoryReport) -> String {
    let mut h = String::new();
    let m = &r.mem_stats;
    let minor = r
        .collections
        .iter()
        .filter(|c| c.kind == GcKind::Minor)
        .count();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>gosub memory report: {name}</title><style>{css}</style></head><body>\n\
         <h1>Memory report: {name}</h1>\n<p class=\"sum\">{alloc} allocated in {objs} \
         objects; {n} collections ({minor} minor, {major} major); pauses {pause:.3} ms in \
         all; {inuse} in use at exit.</p>\n",
        name = esc(&r.program),
        css = CSS,
        alloc = kib(m.total_alloc),
        objs = m.mallocs,
        n = r.collections.len(),
        minor = minor,
        major = r.collections.len() - minor,
        pause = r.collections.iter().map(|c| c.pause_ns).sum::<u64>() as f64 / 1e6,
        inuse = kib(m.heap_alloc),
    );
    h.push_str("<h2>The heap over the run</h2>\n");
    h.push_str(&timeline(r));
    h.push_str(&sites_table(r));
    h.push_str("<h2>Collection pauses</h2>\n");
    h.push_str(&pause_histogram(r));
    h.push_str(&mem_stats_table(r));
    h.push_str("</body></html>\n");
    h
}

const CSS: &str = "body{font-family:sans-serif;margin:2em;color:#222;max-width:1000px}\
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;\
text-align:right;vertical-align:top}td.l,th.l{text-align:left}pre{margin:0;font-size:12px;\
white-space:pre-wrap}.sum{font-size:15px}svg{display:block}tr.why td{background:#f6f6f6;\
border-top:none}";

/// The most collections the timeline marks and plots.
const MAX_MARKS: usize = 1000;

/// The collections the timeline shows: all of them, or, in a run with more than
/// `MAX_MARKS`, the major and forced ones and an evenly spaced share of the minor ones (a
/// page stays small enough for a browser; the table and the histogram count them all).
fn shown(r: &MemoryReport) -> Vec<&GcRecord> {
    let all = &r.collections;
    if all.len() <= MAX_MARKS {
        return all.iter().collect();
    }
    let big = all
        .iter()
        .filter(|c| c.kind != GcKind::Minor || c.forced)
        .count();
    let every = (all.len() - big).div_ceil(MAX_MARKS.saturating_sub(big).max(1));
    let mut minor = 0;
    all.iter()
        .filter(|c| {
            if c.kind != GcKind::Minor || c.forced {
                return true;
            }
            minor += 1;
            minor % every == 0
        })
        .collect()
}

/// Points of the timeline: (ms, spaces), at the start, before and after each collection
/// shown, at each sample the heap took between collections, and at the end.
fn points(r: &MemoryReport) -> Vec<(f64, Spaces)> {
    let mut pts = vec![(r.start_ns, r.start_spaces)];
    for c in shown(r) {
        pts.push((c.at_ns, c.before));
        pts.push((c.at_ns + c.pause_ns, c.after));
    }
    pts.extend(r.samples.iter().copied());
    pts.push((r.end_ns, r.end_spaces));
    // Samples fall between collections: in time order (stable: a collection's before and
    // after keep theirs).
    pts.sort_by_key(|p| p.0);
    // Drawn as steps: each space keeps the size last seen until the next point (no sizes
    // are made up between two observations).
    let mut steps = Vec::with_capacity(2 * pts.len());
    for (i, &(t, s)) in pts.iter().enumerate() {
        if i > 0 {
            steps.push((t as f64 / 1e6, pts[i - 1].1));
        }
        steps.push((t as f64 / 1e6, s));
    }
    steps
}

fn timeline(r: &MemoryReport) -> String {
    let pts = points(r);
    let xmin = pts.first().map_or(0.0, |p| p.0);
    let xmax = pts.last().map_or(1.0, |p| p.0).max(xmin + 1e-3);
    let top = |s: &Spaces| layer_values(s).iter().sum::<u64>() as f64 / KIB;
    let goal = |g: u64| (g != u64::MAX).then_some(g as f64 / KIB);
    // The goal line is shown when it is within 4x of the heap's peak; a goal far above
    // (a small heap under GOGC's 4 MiB minimum) would flatten the areas to nothing.
    let peak = pts.iter().map(|p| top(&p.1)).fold(1.0, f64::max);
    let ymax = r
        .collections
        .iter()
        .filter_map(|c| goal(c.goal))
        .filter(|&g| g <= 4.0 * peak)
        .fold(peak, f64::max)
        * 1.15;
    let mut svg = String::new();
    let mut marks = Vec::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, 380)).into_drawing_area();
        let drawn = draw_timeline(&root, r, &pts, xmin..xmax, ymax, &mut marks);
        if drawn.is_err() {
            return "<p>(the chart could not be drawn)</p>\n".into();
        }
    }
    // Hover targets over each collection's mark: its kind, cause and pause as a tooltip.
    let mut overlay = String::new();
    for (x, y0, y1, c) in marks {
        let cause = match (c.forced, c.kind) {
            (true, GcKind::Full) => " (debug.FreeOSMemory)",
            (true, _) => " (runtime.GC)",
            _ => "",
        };
        let _ = write!(
            overlay,
            "<rect class=\"gc\" x=\"{}\" y=\"{}\" width=\"7\" height=\"{}\" fill=\"#000\" \
             fill-opacity=\"0\"><title>gc {} {:?}{}: pause {:.3} ms (cpu {:.3} ms), heap {} \
             -&gt; {}</title></rect>",
            x - 3,
            y1,
            (y0 - y1).max(1),
            c.n,
            c.kind,
            cause,
            c.pause_ns as f64 / 1e6,
            c.pause_cpu_ns as f64 / 1e6,
            kib(layer_values(&c.before).iter().sum()),
            kib(layer_values(&c.after).iter().sum()),
        );
    }
    if let Some(i) = svg.rfind("</svg>") {
        svg.insert_str(i, &overlay);
    }
    svg.push('\n');
    svg
}

type Mark = (i32, i32, i32, GcRecord);

/// The x where the chart's data area starts, plus a little.
fn xs_start<DB: DrawingBackend>(
    chart: &ChartContext<
        DB,
        Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
    >,
) -> f64 {
    let r = chart.x_range();
    r.start + (r.end - r.start) * 0.22
}

fn draw_timeline(
    root: &DrawingArea<SVGBackend, Shift>,
    r: &MemoryReport,
    pts: &[(f64, Spaces)],
    xs: std::ops::Range<f64>,
    ymax: f64,
    marks: &mut Vec<Mark>,
) -> Result<(), Box<dyn std::error::Error>> {
    root.fill(&WHITE)?;
    let xmax = xs.end;
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(70)
        .build_cartesian_2d(xs, 0f64..ymax)?;
    chart
        .configure_mesh()
        .x_desc("time since start (ms)")
        .y_desc("KiB in use")
        .light_line_style(WHITE)
        .draw()?;
    // Stacked: each layer's area is drawn up to the sum of it and the layers below, the
    // top layer first, so every band shows its own space.
    for i in (0..LAYERS.len()).rev() {
        let (name, color) = LAYERS[i];
        let series = pts.iter().map(|(x, s)| {
            let v: u64 = layer_values(s)[..=i].iter().sum();
            (*x, v as f64 / KIB)
        });
        chart
            .draw_series(AreaSeries::new(series, 0.0, color.mix(0.9)))?
            .label(name)
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], color.filled()));
    }
    // The goal set by each major collection holds until the next one: one level per
    // major collection, drawn where it is on the chart.
    let goal: Vec<(f64, f64)> = r
        .collections
        .iter()
        .filter(|c| c.kind != GcKind::Minor && c.goal != u64::MAX)
        .map(|c| ((c.at_ns + c.pause_ns) as f64 / 1e6, c.goal as f64 / KIB))
        .collect();
    let mut labelled = false;
    for (i, &(x, g)) in goal.iter().enumerate() {
        if g > ymax {
            continue;
        }
        let next = goal.get(i + 1).map_or(xmax, |n| n.0);
        let level = chart.draw_series(LineSeries::new([(x, g), (next, g)], RED.stroke_width(2)))?;
        if !labelled {
            labelled = true;
            level
                .label("old-generation goal")
                .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 12, y)], RED.stroke_width(2)));
        }
    }
    // A goal above the chart (far over the heap's peak) is named rather than drawn.
    let above = r
        .collections
        .iter()
        .rev()
        .find(|c| c.kind != GcKind::Minor && c.goal != u64::MAX)
        .filter(|c| c.goal as f64 / KIB > ymax);
    if let Some(c) = above {
        chart.draw_series(std::iter::once(Text::new(
            format!("old-generation goal {} (above the chart)", kib(c.goal)),
            (xs_start(&chart), ymax * 0.9),
            ("sans-serif", 12).into_font().color(&RED),
        )))?;
    }
    for c in shown(r) {
        let x = c.at_ns as f64 / 1e6;
        let style = if c.kind == GcKind::Minor {
            RGBColor(0x60, 0x60, 0x60).mix(0.35).stroke_width(1)
        } else {
            BLACK.stroke_width(2)
        };
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(x, 0.0), (x, ymax)],
            style,
        )))?;
        let (px, py0) = chart.backend_coord(&(x, 0.0));
        let (_, py1) = chart.backend_coord(&(x, ymax));
        marks.push((px, py0, py1, *c));
        if c.forced {
            let label = if c.kind == GcKind::Full {
                "FreeOSMemory"
            } else {
                "runtime.GC"
            };
            chart.draw_series(std::iter::once(Text::new(
                label,
                (x, ymax * 0.97),
                ("sans-serif", 12).into_font().color(&BLACK),
            )))?;
        }
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .draw()?;
    root.present()?;
    Ok(())
}

/// Pause buckets (upper bounds in ns) and their labels.
const BUCKETS: [(u64, &str); 6] = [
    (10_000, "<10µs"),
    (100_000, "10-100µs"),
    (1_000_000, "0.1-1ms"),
    (10_000_000, "1-10ms"),
    (100_000_000, "10-100ms"),
    (u64::MAX, "≥100ms"),
];

fn bucket(ns: u64) -> usize {
    BUCKETS.iter().position(|&(hi, _)| ns < hi).unwrap_or(5)
}

fn pause_histogram(r: &MemoryReport) -> String {
    let mut counts = [0u32; 6];
    for c in &r.collections {
        counts[bucket(c.pause_ns)] += 1;
    }
    let ymax = counts.iter().copied().max().unwrap_or(0).max(1) + 1;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH / 2, 260)).into_drawing_area();
        if draw_histogram(&root, &counts, ymax).is_err() {
            return "<p>(the chart could not be drawn)</p>\n".into();
        }
    }
    svg.push('\n');
    svg
}

fn draw_histogram(
    root: &DrawingArea<SVGBackend, Shift>,
    counts: &[u32; 6],
    ymax: u32,
) -> Result<(), Box<dyn std::error::Error>> {
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(50)
        .build_cartesian_2d((0u32..5u32).into_segmented(), 0u32..ymax)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_desc("pause")
        .y_desc("collections")
        .x_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => BUCKETS
                .get(*i as usize)
                .map_or(String::new(), |b| b.1.to_string()),
            _ => String::new(),
        })
        .draw()?;
    chart.draw_series(
        Histogram::vertical(&chart)
            .style(RGBColor(0x4c, 0x72, 0xb0).filled())
            .margin(8)
            .data(counts.iter().enumerate().map(|(i, &c)| (i as u32, c))),
    )?;
    root.present()?;
    Ok(())
}

fn sites_table(r: &MemoryReport) -> String {
    let mut h = String::from(
        "<h2>Heap allocations by line</h2>\n<p>Largest first; under a line of the \
         program, why escape analysis put it on the heap (gc's <code>-m -m</code>).</p>\n<table><tr><th class=\"l\">line</th>\
         <th class=\"l\">function</th><th class=\"l\">what</th><th>bytes</th><th>objects</th>\
         <th>survived a collection</th><th>promoted</th><th>freed</th></tr>\n",
    );
    for s in &r.sites {
        let from = s
            .called_from
            .as_ref()
            .map_or(String::new(), |c| format!("<br>from {}", esc(c)));
        let _ = writeln!(
            h,
            "<tr><td class=\"l\">{}{}</td><td class=\"l\">{}</td><td class=\"l\">{}</td>\
             <td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&s.position),
            from,
            esc(&s.function),
            esc(&s.what),
            s.bytes,
            s.objects,
            s.survived_objects,
            s.promoted_objects,
            s.freed_objects,
        );
        if !s.reason.is_empty() {
            let _ = writeln!(
                h,
                "<tr class=\"why\"><td class=\"l\" colspan=\"8\"><pre>{}</pre></td></tr>",
                esc(&s.reason.join("\n"))
            );
        }
    }
    h.push_str("</table>\n<h2>Kept in frames</h2>\n");
    if r.kept_in_frames.is_empty() {
        h.push_str("<p>No allocation of the program stayed in its frame.</p>\n");
        return h;
    }
    h.push_str(
        "<p>Escape analysis kept these in their functions' frames: no heap allocation, \
         nothing for the collector to do. Bytes saved are what the heap would have taken \
         (headers included).</p>\n<table><tr><th class=\"l\">line</th><th>times run</th>\
         <th>bytes saved</th></tr>\n",
    );
    let saved: u64 = r.kept_in_frames.iter().map(|k| k.bytes_saved).sum();
    for k in &r.kept_in_frames {
        let _ = writeln!(
            h,
            "<tr><td class=\"l\">{}</td><td>{}</td><td>{}</td></tr>\n\
             <tr class=\"why\"><td class=\"l\" colspan=\"3\"><pre>{}</pre></td></tr>",
            esc(&k.position),
            k.count,
            k.bytes_saved,
            esc(&k.notes.join("\n")),
        );
    }
    let _ = writeln!(
        h,
        "<tr><td class=\"l\">all</td><td></td><td>{saved}</td></tr></table>"
    );
    h
}

fn mem_stats_table(r: &MemoryReport) -> String {
    let m = &r.mem_stats;
    let rows: [(&str, String); 12] = [
        ("TotalAlloc", m.total_alloc.to_string()),
        ("Mallocs", m.mallocs.to_string()),
        ("Frees", m.frees.to_string()),
        ("HeapAlloc", m.heap_alloc.to_string()),
        ("HeapSys", m.heap_sys.to_string()),
        ("HeapObjects", m.heap_objects.to_string()),
        ("StackInuse", m.stack_inuse.to_string()),
        ("Sys", m.sys.to_string()),
        ("NextGC", m.next_gc.to_string()),
        ("NumGC", m.num_gc.to_string()),
        ("NumForcedGC", m.num_forced_gc.to_string()),
        ("PauseTotalNs", m.pause_total_ns.to_string()),
    ];
    let mut h = String::from("<h2>MemStats at exit</h2>\n<table>\n");
    for (k, v) in rows {
        let _ = writeln!(h, "<tr><td class=\"l\">{k}</td><td>{v}</td></tr>");
    }
    h.push_str("</table>\n");
    h
}
