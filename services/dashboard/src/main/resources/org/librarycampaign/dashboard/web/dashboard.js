// The campaign dashboard: draws the board the server pushes over Server-Sent Events
// (/api/stream, event "board"), without a reload. Every text goes in through textContent.
"use strict";

(() => {
  const query = new URLSearchParams(location.search);
  const state = { week: query.get("week"), branch: query.get("branch"), source: null, zone: "UTC", summary: null,
    me: null, board: null, reviews: new Map() };
  const byId = (id) => document.getElementById(id);

  const PLATFORMS = {
    X: "X", FACEBOOK: "Facebook", INSTAGRAM: "Instagram", THREADS: "Threads", BLUESKY: "Bluesky",
    MASTODON: "Mastodon", LINKEDIN: "LinkedIn", YOUTUBE: "YouTube", TIKTOK: "TikTok", OTHER: "Other",
  };
  const TONES = {
    APPROVED: "ok", HELD: "held", REJECTED: "bad", WITHDRAWN: "info", PENDING: "info", EXPIRED: "expired",
    DELIVERED: "ok", RETRYING: "held", FAILED: "bad", PUBLISHED: "ok", SKIPPED: "info",
    OPEN: "bad", ESCALATED: "bad", UNROUTED: "bad", EXHAUSTED: "bad", REPORTED: "bad", ACKNOWLEDGED: "held", RESOLVED: "ok",
    CRITICAL: "bad", HIGH: "bad", MEDIUM: "held", LOW: "info",
    CONTENT: "content", CAMPAIGN: "campaign",
  };
  const ATTRIBUTES = new Set(["id", "role", "href", "rel", "target", "tabindex", "title", "scope", "datetime", "colspan", "lang"]);

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined) continue;
      if (name.startsWith("data-") || name.startsWith("aria-")) el.setAttribute(name, String(value));
      else if (value === false) continue;
      else if (name === "class") el.className = value;
      else if (name === "text") el.textContent = value;
      else if (ATTRIBUTES.has(name)) el.setAttribute(name, String(value));
      else el[name] = value;
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  const words = (code) => (code || "").toLowerCase().replaceAll("_", " ");
  const platform = (p) => PLATFORMS[p] || p;
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many || one + "s"}`;
  const badge = (value, label) => h("span", { class: "badge", "data-tone": TONES[value] || "info" }, label || words(value));

  // ---- local time (README: Local time): each row's times read in its channel's zone, else its
  // branch's, else the dashboard's own; every time carries its zone's abbreviation, as the server
  // writes it (board.abbreviations: per zone, the abbreviation of each UTC offset in minutes)
  const intlZone = (zone) => (!zone || zone === "Z" ? "UTC" : zone);
  function zoneOf(branchId, channelId) {
    const zones = (state.board && state.board.zones) || {};
    return intlZone((channelId && zones[channelId]) || (branchId && zones[branchId]) || state.zone);
  }
  function offsetMinutes(date, zone) {
    const part = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(date).find((p) => p.type === "timeZoneName");
    const m = /GMT([+-])(\d{1,2}):?(\d{2})?/.exec(part ? part.value : "");
    return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] || 0)) : 0;
  }
  function abbreviation(date, zone) {
    const minutes = offsetMinutes(date, zone);
    const names = (state.board && state.board.abbreviations && state.board.abbreviations[zone]) || {};
    if (names[minutes]) return names[minutes];
    if (zone === "UTC") return "UTC";
    const hours = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, "0");
    return `GMT${minutes < 0 ? "-" : "+"}${hours}:${String(Math.abs(minutes) % 60).padStart(2, "0")}`;
  }
  function format(iso, zone, options) {
    if (!iso) return "";
    const date = new Date(iso);
    try {
      return `${new Intl.DateTimeFormat("en-GB", { timeZone: zone, ...options }).format(date)} ${abbreviation(date, zone)}`;
    } catch (e) {
      return date.toISOString();
    }
  }
  // "Sat 5 Dec, 10:00 CST"; "5 Dec, 10:00:15 CST" where seconds matter (incidents, receipts)
  const dayTime = (iso, zone) => format(iso, zone, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  const clockTime = (iso, zone) => format(iso, zone, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", second: "2-digit" });
  const when = (iso, zone, text) => h("time", { datetime: iso }, text(iso, zone));
  // "12 min after the report": how long the response took, for the incident's facts
  function after(fromIso, toIso) {
    if (!fromIso || !toIso) return "";
    const minutes = Math.max(0, Math.round((new Date(toIso) - new Date(fromIso)) / 60000));
    const text = minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
    return ` (${text} after the report)`;
  }
  // "1 h 20 min" from an ISO-8601 duration (PT1H20M); seconds are rounded down to the minute
  function duration(iso) {
    const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:[\d.]+S)?$/.exec(iso || "");
    if (!m) return iso || "";
    const hours = Number(m[1] || 0), minutes = Number(m[2] || 0);
    return hours ? `${hours} h ${minutes} min` : `${minutes} min`;
  }
  const STEP = { reported: "Reported", escalated: "Escalated", notified: "Notified", repeated: "Repeated",
    fallback: "Fallback contact told", acknowledged: "Acknowledged", resolved: "Resolved", "resolution-notice": "Resolution notice" };
  function step(s, zone) {
    const text = [];
    if (s.what === "escalated") text.push(`to tier ${s.tier}`);
    if (s.notificationId) {
      text.push(`${s.to || ""}${s.role ? ` (${s.role})` : ""} by ${words(s.channel)}`);
      if (s.what !== "fallback") text.push(`tier ${s.tier}`);
    }
    if (s.by) text.push(`by ${s.by}`);
    if (s.via) text.push(VIA[s.via] || words(s.via));
    if (s.detail) text.push(s.detail);
    return h("li", { class: "step", "data-what": s.what, "data-notification-id": s.notificationId || null },
      s.at ? when(s.at, zone, clockTime) : h("span", { class: "muted" }, "time unknown"), " ",
      h("strong", {}, STEP[s.what] || words(s.what)), text.length ? ` · ${text.join(" · ")}` : "",
      s.receipts.length
        ? h("ul", { class: "step-receipts" }, s.receipts.map((r) =>
          h("li", {}, `${words(r.status)} · attempt ${r.attempt} · `, when(r.at, zone, clockTime),
            r.outbox ? " · outbox" : "", r.reason ? ` · ${r.reason}` : "")))
        : s.notificationId ? h("span", { class: "muted" }, " · no receipt yet") : null);
  }
  function timeline(i, zone, openDetails) {
    if (!i.timeline.length) return null;
    const key = `timeline:${i.incidentId}`;
    return h("details", { class: "timeline", open: openDetails.has(key), "data-details-key": key },
      h("summary", { "data-focus-key": key }, `Timeline (${plural(i.timeline.length, "step")}, times in ${zone})`),
      h("ol", { class: "steps" }, i.timeline.map((s) => step(s, zone))));
  }
  const VIA = { LINK: "with the link of a notification", SMS: "by SMS reply", API: "through the API" };
  const shortDate = (date) =>
    new Date(`${date}T12:00:00Z`).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

  function table(key, caption, headers, rows) {
    // Each cell carries its column's name, which a phone-width layout shows in front of it.
    for (const row of rows) [...row.children].forEach((cell, i) => cell.setAttribute("data-label", headers[i]));
    return h("div", { class: "table-wrap", tabindex: 0, role: "region", "aria-label": caption, "data-focus-key": key },
      h("table", {},
        h("caption", {}, caption),
        h("thead", {}, h("tr", {}, headers.map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, rows)));
  }

  function replace(id, ...nodes) {
    byId(id).replaceChildren(...nodes.flat().filter(Boolean));
  }

  // ---- summary
  function renderSummary(s) {
    const items = [
      [s.held, "held post", "held posts", s.held > 0],
      [s.openIncidents, "open incident", "open incidents", s.openIncidents > 0],
      [s.conflicts, "conflict", "conflicts", s.conflicts > 0],
      [s.amplifyGaps, "amplify gap", "amplify gaps", s.amplifyGaps > 0],
      [s.outbox, "in the outbox", "in the outbox", false],
      [s.deadLetters, "dead letter", "dead letters", s.deadLetters > 0],
    ];
    replace("summary", items.map(([n, one, many, alert]) =>
      h("li", { "data-alert": alert }, h("strong", {}, String(n)), " ", n === 1 ? one : many)));
    const text = items.map(([n, one, many]) => `${n} ${n === 1 ? one : many}`).join(", ");
    if (state.summary !== null && state.summary !== text) byId("announce").textContent = text;
    state.summary = text;
  }

  // ---- balance
  function renderBalance(channels) {
    if (!channels.length) return replace("balance-body", h("p", { class: "empty" }, "No channel has posts or a policy yet."));
    const branches = new Map();
    for (const c of channels) {
      if (!branches.has(c.branchId)) branches.set(c.branchId, []);
      branches.get(c.branchId).push(c);
    }
    replace("balance-body", [...branches].map(([branch, list]) =>
      h("article", { class: "branch", "aria-label": `Branch ${branch}` },
        h("h3", {}, branch),
        list.map(channel))));
  }

  function bar(label, value, scale, tone, marker) {
    const pct = (n) => `${Math.min(100, (100 * n) / scale)}%`;
    return h("div", { class: "bar-row", "aria-hidden": "true" },
      h("span", {}, label),
      h("span", { class: "track" },
        h("span", { class: `fill ${tone}`, style: `width:${pct(value)}` }),
        marker === undefined ? null : h("span", { class: "marker", style: `left:calc(${pct(marker)} - 1px)` })),
      h("span", {}, String(value)));
  }

  function channel(c) {
    const scale = Math.max(c.content, c.campaign, c.allowedCampaign, 1);
    const room = c.allowedCampaign - c.campaign;
    const next = room > 0
      ? `Room for ${plural(room, "more campaign post")} this week.`
      : `The next campaign post needs ${plural(c.contentNeeded, "more approved content post")}.`;
    return h("div", { class: "channel", "data-channel-id": c.channelId },
      h("div", { class: "channel-head" },
        h("h4", {}, platform(c.platform)),
        h("span", { class: "muted" }, `week of ${shortDate(c.weekStart)} · ${c.zone}`)),
      h("p", { class: "legend" },
        h("strong", {}, String(c.content)), " content · ",
        h("strong", {}, String(c.campaign)), " campaign · ",
        h("strong", {}, String(c.allowedCampaign)), ` campaign allowed (1 per ${c.contentPerCampaign} content)`,
        c.held ? ` · ${c.held} held` : "", c.rejected ? ` · ${c.rejected} rejected` : ""),
      h("div", { class: "bars" },
        bar("Content", c.content, scale, "content"),
        bar("Campaign", c.campaign, scale, "campaign", c.allowedCampaign)),
      h("p", { class: "legend" }, next),
      c.minMinutesBetweenPosts || c.maxCampaignPostsPerWeek
        ? h("p", { class: "legend pacing" }, [
            c.minMinutesBetweenPosts ? `At least ${plural(c.minMinutesBetweenPosts, "minute")} between posts` : null,
            c.maxCampaignPostsPerWeek ? `at most ${plural(c.maxCampaignPostsPerWeek, "campaign post")} a week` : null,
          ].filter(Boolean).join(" · ") + ".")
        : null,
      c.politicalSpeechAllowed ? null : h("p", { class: "legend" }, badge("RESTRICTED", "no political speech"),
        " Campaign posts go out through partner and champion pages."),
      h("ol", { class: "days", "aria-label": `Approved posts per day, cap ${c.maxPostsPerDay}` },
        c.days.map((d) => {
          const day = new Date(`${d.date}T12:00:00Z`).toLocaleDateString("en-GB", { weekday: "short", timeZone: "UTC" });
          return h("li", { "data-full": d.full, "aria-label": `${day} ${d.date}: ${d.approved} of ${d.cap}${d.full ? ", full" : ""}` },
            h("span", { "aria-hidden": "true" }, day, h("br"), `${d.approved}/${d.cap}`));
        })));
  }

  // ---- held
  function renderHeld(held) {
    if (!held.length) return replace("held-body", h("p", { class: "empty" }, "Nothing is held."));
    replace("held-body", h("ul", { class: "cards" }, held.map((p) => {
      const zone = zoneOf(p.branchId, p.channelId);
      return h("li", { class: "card", "data-post-id": p.postId, "data-zone": zone },
        h("h3", {}, `${p.postId} `, badge(p.category)),
        h("p", {}, `${p.channelId} · for `, when(p.scheduledAt, zone, dayTime), p.campaignId ? ` · ${p.campaignId}` : ""),
        p.text ? h("blockquote", {}, p.text) : null,
        h("p", { class: "reason" }, h("span", { class: "label" }, "Why: "),
          p.reasons.map((r) => r.message).join(" ") || "no reason given"),
        h("p", { class: "release" }, h("span", { class: "label" }, "What releases it: "), p.release),
        h("p", { class: "expires" }, h("span", { class: "label" }, "Time left: "), p.expires),
        h("p", { class: "muted" }, "Held since ", when(p.heldSince, zone, dayTime)),
        audit(p.audit, zone),
        heldReview(p));
    })));
  }

  // ---- the audit trail: every review governance applied, oldest first, in the post's zone
  const ACTIONS = { APPROVE: "Approved", REJECT: "Rejected", RESCHEDULE: "Rescheduled" };
  function audit(reviews, zone) {
    if (!reviews || !reviews.length) return null;
    return h("div", { class: "audit" },
      h("p", { class: "label" }, "Audit trail"),
      h("ol", {}, reviews.map((r) =>
        h("li", { "data-action": r.action },
          `${ACTIONS[r.action] || words(r.action)} by ${r.reviewer}, `, when(r.at, zone, dayTime),
          r.scheduledAt ? [" to ", when(r.scheduledAt, zone, dayTime)] : null,
          ` (revision ${r.revision})`,
          r.reason ? `: ${r.reason}` : ""))));
  }

  // ---- waiting for sign-off: the channel requires it and no reviewer approved this revision yet
  function renderSignOff(waiting) {
    if (!waiting.length) return replace("signoff-body", h("p", { class: "empty" }, "Nothing waits for sign-off."));
    replace("signoff-body", h("ul", { class: "cards" }, waiting.map((p) => {
      const zone = zoneOf(p.branchId, p.channelId);
      return h("li", { class: "card signoff", "data-post-id": p.postId, "data-zone": zone },
        h("h3", {}, `${p.postId} `, badge(p.category), " ", badge(p.status)),
        h("p", {}, `${p.channelId} · for `, when(p.scheduledAt, zone, dayTime), p.campaignId ? ` · ${p.campaignId}` : ""),
        p.text ? h("blockquote", {}, p.text) : null,
        h("p", { class: "expires" }, h("span", { class: "label" }, "Time left: "), p.timeLeft),
        h("p", { class: "muted" }, "Waiting since ", when(p.waitingSince, zone, dayTime)),
        canReview(p.branchId)
          ? reviewForm(`signoff:${p.postId}:${p.revision}`, p, {}, [["APPROVE", "Approve"]], true)
          : null);
    })));
  }

  // ---- reviews: approve or reject a held post, apply a suggested slot (reviewers only)
  const canReview = (branchId) => !!state.me && (state.me.reviews.includes("*") || state.me.reviews.includes(branchId));
  const hidden = (name, value) => h("input", { type: "hidden", name, value: String(value) });
  const fieldId = (key, field) => `${key.replace(/[^A-Za-z0-9_-]/g, "_")}-${field}`;

  // What a review form holds across redraws: the reason typed, the answer and the field errors.
  function reviewState(key) {
    if (!state.reviews.has(key)) state.reviews.set(key, { reason: "", status: "", tone: "", errors: {} });
    return state.reviews.get(key);
  }

  function reviewForm(key, p, fields, buttons, withReason) {
    const r = reviewState(key);
    const reasonId = fieldId(key, "reason");
    return h("form", { class: "review", method: "post", action: "/api/reviews", "data-review-key": key, "data-post-id": p.postId },
      hidden("csrf", state.me.csrfToken), hidden("postId", p.postId), hidden("revision", p.revision),
      Object.entries(fields).map(([name, value]) => hidden(name, value)),
      withReason ? [
        h("label", { htmlFor: reasonId }, "Reason (kept with the decision)"),
        h("textarea", { id: reasonId, name: "reason", rows: 2, maxLength: 500, value: r.reason,
          "data-focus-key": `${key}:reason`, "aria-describedby": `${reasonId}-error`, "aria-invalid": r.errors.reason ? "true" : null }),
        h("p", { class: "field-error", id: `${reasonId}-error`, "data-error-for": "reason" }, r.errors.reason || "")] : null,
      h("div", { class: "review-buttons" }, buttons.map(([action, label]) =>
        h("button", { type: "submit", name: "action", value: action, class: `review-${action.toLowerCase()}`,
          "data-focus-key": `${key}:${action}` }, label))),
      h("p", { class: "review-status", role: "status", "data-tone": r.tone || null },
        [r.status, ...Object.entries(r.errors).filter(([f]) => f !== "reason").map(([, m]) => m)].filter(Boolean).join(" ")));
  }

  function heldReview(p) {
    if (!canReview(p.branchId)) return null;
    return reviewForm(`held:${p.postId}:${p.revision}`, p, {}, [["APPROVE", "Approve"], ["REJECT", "Reject"]], true);
  }

  function slotReview(p, c) {
    if (!canReview(p.branchId) || p.status === "WITHDRAWN" || !c.suggestedAt) return null;
    return reviewForm(`slot:${p.postId}:${p.revision}:${c.milestoneId}`, p,
      { scheduledAt: c.suggestedAt, reason: `Apply the suggested slot (${c.milestoneTitle})` },
      [["RESCHEDULE", "Apply suggested time"]], false);
  }

  async function submitReview(event) {
    const form = event.target.closest("form.review");
    if (!form) return;
    event.preventDefault();
    const key = form.dataset.reviewKey;
    const r = reviewState(key);
    const body = new URLSearchParams(new FormData(form));
    body.set("action", event.submitter ? event.submitter.value : "");
    r.status = "Sending…";
    r.tone = "info";
    r.errors = {};
    refreshReviews();
    try {
      const answer = await fetch("/api/reviews", { method: "POST", body, headers: { Accept: "application/json" } });
      const result = await answer.json().catch(() => ({}));
      if (answer.status === 202) {
        const done = { APPROVE: "Approved", REJECT: "Rejected", RESCHEDULE: "Moved to the suggested time" }[result.action] || "Sent";
        r.status = `${done} by ${result.reviewer}; waiting for governance's decision.`;
        r.tone = "ok";
        r.reason = "";
      } else if (answer.status === 401) {
        location.assign("/login");
        return;
      } else {
        r.status = result.error || `The review was not sent (HTTP ${answer.status}).`;
        r.errors = result.errors || {};
        r.tone = "bad";
      }
    } catch (e) {
      r.status = "The review was not sent: the dashboard did not answer. Send it again.";
      r.tone = "bad";
    }
    refreshReviews();
  }

  function refreshReviews() {
    if (state.board) render(state.board);
  }

  // ---- calendar
  // the calendar of one branch, in its zone, or of every branch (the dashboard's zone)
  function renderBranchChoice() {
    const select = byId("calendar-branch");
    const branches = Object.keys((state.board && state.board.zones) || {})
      .filter((key) => key !== "*" && !key.includes("/"));
    if (state.branch && !branches.includes(state.branch)) branches.push(state.branch);
    const options = [["", "All branches"], ...branches.sort().map((b) => [b, b])];
    const wanted = options.map(([value, label]) => `${value}=${label}`).join("|");
    if (select.dataset.options !== wanted) {
      select.replaceChildren(...options.map(([value, label]) => h("option", { value }, label)));
      select.dataset.options = wanted;
    }
    select.value = state.branch || "";
  }

  function viewQuery() {
    const params = new URLSearchParams();
    if (state.week) params.set("week", state.week);
    if (state.branch) params.set("branch", state.branch);
    const text = params.toString();
    return text ? `?${text}` : "";
  }

  function renderCalendar(cal) {
    renderBranchChoice();
    byId("week-label").textContent =
      `${cal.days[0].label} – ${cal.days[6].label} (${cal.zone})` + (cal.days.some((d) => d.today) ? ", this week" : "");
    replace("gaps", cal.gaps.length ? h("ul", { class: "gap-list", "aria-label": "Amplify gaps" }, cal.gaps.map((g) =>
      h("li", { "data-milestone-id": g.milestoneId, "data-branch-id": g.branchId },
        h("strong", {}, `Amplify gap at ${g.branchId}: `), g.message))) : null);
    replace("calendar-body", cal.days.map((d) =>
      h("section", { class: "day", "data-date": d.date, "data-today": d.today, "aria-label": d.label + (d.today ? ", today" : "") },
        h("h3", {}, d.label, d.today ? h("span", {}, " · today") : null),
        d.milestones.length ? h("ul", { "aria-label": "Milestones and events" }, d.milestones.map(milestone)) : null,
        d.posts.length ? h("ul", { "aria-label": "Posts" }, d.posts.map(post)) : h("p", { class: "empty" }, "No posts."))));
  }

  function milestone(m) {
    const what = m.kind === "COMMUNITY_EVENT" ? "Community event" : m.kind === "CAMPAIGN_MILESTONE" ? "Campaign milestone" : "Milestone";
    const stance = m.stance === "AMPLIFY" ? "amplify" : m.stance === "AVOID" ? "avoid" : "neutral";
    return h("li", { class: "milestone", "data-stance": m.stance, "data-milestone-id": m.milestoneId },
      h("strong", {}, m.title), h("br"),
      `${what} (${stance}) · ${m.time} · ${m.branchId === "*" ? "every branch" : m.branchId}`,
      m.gapBranches.length ? h("span", { class: "badge", "data-tone": "held" }, `gap: ${m.gapBranches.join(", ")}`) : null);
  }

  function post(p) {
    const status = p.released ? "approved (released)" : words(p.status);
    return h("li", { class: "post", "data-post-id": p.postId, "data-status": p.status, "data-conflict": p.conflicts.length > 0 },
      h("div", { class: "meta" },
        h("strong", {}, when(p.scheduledAt, null, () => p.time)),
        ` ${p.branchId} · ${platform(p.platform)} `,
        badge(p.category), badge(p.status, status)),
      p.text ? h("p", { class: "text" }, p.text) : null,
      p.conflicts.map((c) => [h("p", { class: "conflict" },
        `Conflicts with ${c.milestoneTitle}. Suggested slot: `, when(c.suggestedAt, null, () => c.suggested), "."), slotReview(p, c)]),
      p.status === "HELD" || p.status === "REJECTED" ? h("p", { class: "muted" }, p.reasons.join(" ")) : null,
      p.warnings.length ? h("p", { class: "muted" }, "Warnings: " + p.warnings.map(words).join(", ")) : null,
      p.override ? h("p", { class: "override" }, p.override) : null,
      audit(p.audit, zoneOf(p.branchId, p.channelId)));
  }

  // ---- incidents
  function renderIncidents(incidents, openDetails) {
    if (!incidents.length) return replace("incidents-body", h("p", { class: "empty" }, "No incidents."));
    replace("incidents-body", incidents.map((i) => {
      const zone = zoneOf(i.branchId);
      return h("article", { class: "incident", "data-incident-id": i.incidentId, "data-open": i.open, "data-unheard": i.unheard, "data-zone": zone, "aria-label": `Incident ${i.incidentId}` },
        i.unheard ? h("p", { class: "unheard" }, i.state === "UNROUTED"
          ? "No response plan covers this branch: only the fallback contacts were told."
          : "Nobody answered through the last tier and its repeats: the fallback contacts were told.") : null,
        h("div", { class: "incident-head" },
          h("h3", {}, i.summary || i.incidentId),
          badge(i.severity), badge(i.state), h("span", { class: "badge", "data-tone": "info" }, `tier ${i.tier}`)),
        h("dl", { class: "facts" },
          h("dt", {}, "Incident"), h("dd", {}, `${i.incidentId} at ${i.branchId}${i.category ? " · " + words(i.category) : ""}`),
          h("dt", {}, "Reported"), h("dd", {}, i.reportedAt ? when(i.reportedAt, zone, clockTime) : "", i.reportedBy ? ` by ${i.reportedBy}` : ""),
          h("dt", {}, "Acknowledged"), h("dd", {}, i.acknowledgedBy
            ? [`by ${i.acknowledgedBy}`, i.acknowledgedVia ? ` ${VIA[i.acknowledgedVia] || words(i.acknowledgedVia)}` : "",
              i.acknowledgedAt ? [" at ", when(i.acknowledgedAt, zone, clockTime), after(i.reportedAt, i.acknowledgedAt)] : ""]
            : "not yet"),
          i.resolvedAt ? [h("dt", {}, "Resolved"), h("dd", {}, when(i.resolvedAt, zone, clockTime), after(i.reportedAt, i.resolvedAt),
            i.resolvedBy ? ` by ${i.resolvedBy}` : "", i.resolution ? ` · ${i.resolution}` : "")] : null,
          i.timeToAcknowledge ? [h("dt", {}, "Time to acknowledge"), h("dd", { "data-fact": "time-to-acknowledge" }, duration(i.timeToAcknowledge))] : null,
          i.timeToResolve ? [h("dt", {}, "Time to resolve"), h("dd", { "data-fact": "time-to-resolve" }, duration(i.timeToResolve))] : null),
        timeline(i, zone, openDetails),
        i.notifications.length
          ? table(`notifications:${i.incidentId}`, `Notifications for ${i.incidentId} (${i.notifications.length})`,
            ["Recipient", "Channel", "Tier", "Kind", "Delivery", "Receipts"],
            i.notifications.map((n) => h("tr", { "data-notification-id": n.notificationId },
              h("td", {}, n.name || n.responderId, n.role ? h("span", { class: "muted" }, ` · ${n.role}`) : null),
              h("td", {}, words(n.channel), n.address ? h("span", { class: "muted" }, ` · ${n.address}`) : null),
              h("td", {}, String(n.tier)),
              h("td", {}, words(n.kind)),
              h("td", {}, badge(n.delivery), n.outbox ? " outbox" : ""),
              h("td", {}, receipts(n, zone, openDetails)))))
          : h("p", { class: "muted" }, "Nobody notified yet."));
    }));
  }

  function receipts(n, zone, openDetails) {
    if (!n.receipts.length) return "none yet";
    const key = `receipts:${n.notificationId}`;
    return h("details", { open: openDetails.has(key), "data-details-key": key },
      h("summary", { "data-focus-key": key }, plural(n.receipts.length, "receipt")),
      h("ol", { class: "receipts" }, n.receipts.map((r) =>
        h("li", { class: "receipt" }, `${words(r.status)} · attempt ${r.attempt} · `, when(r.at, zone, clockTime),
          r.outbox ? " · outbox" : "", r.reason ? ` · ${r.reason}` : ""))));
  }

  // ---- publications
  const PUBLISHERS = { MASTODON: "Mastodon", BLUESKY: "Bluesky", WEBHOOK: "the webhook", OUTBOX: "the local outbox" };
  const webLink = (url) => /^https?:\/\//i.test(url || "");

  function outcome(e, directory, zone) {
    switch (e.status) {
      case "PUBLISHED":
        if (e.file) return ["Written to the local outbox, not sent: ", h("code", {}, `${directory}/${e.file}`)];
        return [`Published through ${PUBLISHERS[e.publisher] || words(e.publisher)}`,
          webLink(e.url) ? [": ", h("a", { href: e.url, rel: "noopener noreferrer", target: "_blank", class: "remote-link" }, "view the post")]
            : e.remoteId ? ` (${e.remoteId})` : ""];
      case "RETRYING":
        return [`Attempt ${e.attempt} failed: ${e.reason || "no reason given"}. Next attempt `,
          e.nextAttemptAt ? when(e.nextAttemptAt, zone, clockTime) : "soon", "."];
      case "FAILED":
        return [`Failed after ${plural(e.attempt, "attempt")}: ${e.reason || "no reason given"}`];
      case "SKIPPED":
        return [`Not published: ${e.reason || "no reason given"}`];
      default:
        return [e.reason || ""];
    }
  }

  function renderPublications(p) {
    const c = p.counts;
    if (!p.latest.length) {
      return replace("publications-body", h("p", { class: "empty" }, "Nothing has been published yet."),
        h("p", { class: "muted" }, `Outbox folder: ${p.outboxDirectory}`));
    }
    replace("publications-body",
      h("p", { class: "legend", "data-counts": "publications" },
        `${c.published} published (${c.outbox} in the outbox) · ${c.retrying} retrying · ${c.failed} failed · ${c.skipped} skipped`),
      table("publications", "Latest receipt per post revision", ["When", "Post", "Scheduled for", "Outcome", "Details"],
        p.latest.map((e) => {
          const zone = zoneOf(e.branchId, e.channelId);
          return h("tr", { "data-post-id": e.postId, "data-revision": e.revision, "data-status": e.status, "data-zone": zone },
            h("td", {}, when(e.at, zone, clockTime)),
            h("td", {}, `${e.postId} (revision ${e.revision})`, h("br"), h("span", { class: "muted" }, `${e.branchId} · ${platform(e.platform)}`)),
            h("td", {}, when(e.scheduledAt, zone, dayTime)),
            h("td", {}, badge(e.status)),
            h("td", {}, outcome(e, p.outboxDirectory, zone)));
        })),
      h("h3", {}, "Waiting in the local outbox"),
      p.outbox.length
        ? [h("p", {}, `${plural(c.outbox, "post")} in `, h("code", {}, p.outboxDirectory),
            ": their channels have no publisher configured, so someone posts them by hand.",
            c.outbox > p.outbox.length ? ` (the first ${p.outbox.length} shown)` : ""),
          table("post-outbox", "Posts in the local outbox", ["Scheduled for", "Channel", "Post", "File"],
            p.outbox.map((e) => h("tr", { "data-post-id": e.postId, "data-revision": e.revision },
              h("td", {}, when(e.scheduledAt, zoneOf(e.branchId, e.channelId), dayTime)),
              h("td", {}, `${e.branchId} · ${platform(e.platform)}`),
              h("td", {}, e.text || `${e.postId} (revision ${e.revision})`),
              h("td", {}, h("code", {}, e.file)))))]
        : h("p", { class: "empty" }, `No post is waiting in ${p.outboxDirectory}.`));
  }

  // ---- outbox and dead letters
  function renderOutbox(o) {
    if (!o.count) return replace("outbox-body", h("p", { class: "empty" }, "The outbox is empty."), h("p", { class: "muted" }, `Folder: ${o.directory}`));
    replace("outbox-body",
      h("p", {}, `${plural(o.count, "message")} in `, h("code", {}, o.directory), o.count > o.entries.length ? ` (the latest ${o.entries.length} shown)` : ""),
      table("outbox", "Messages in the outbox", ["When", "Channel", "To", "Subject", "Note"],
        o.entries.map((e) => h("tr", { "data-notification-id": e.notificationId },
          h("td", {}, when(e.at, incidentZone(e.incidentId), clockTime)),
          h("td", {}, words(e.channel)),
          h("td", {}, [e.name, e.role].filter(Boolean).join(", "), e.address ? h("span", { class: "muted" }, ` · ${e.address}`) : null),
          h("td", {}, e.subject || e.notificationId),
          h("td", {}, e.note || "")))));
  }

  // an outbox message reads in the zone of its incident's branch, when the board still shows it
  function incidentZone(incidentId) {
    const incident = ((state.board && state.board.incidents) || []).find((i) => i.incidentId === incidentId);
    return zoneOf(incident ? incident.branchId : null);
  }

  function renderDeadLetters(d) {
    if (!d.count) return replace("dead-letters-body", h("p", { class: "empty" }, "No dead letters."));
    replace("dead-letters-body",
      h("p", { class: "count" }, String(d.count)),
      h("p", {}, d.count === 1 ? "record could not be handled." : "records could not be handled."),
      table("dead-letters", "Latest dead letters", ["When", "From", "Stage", "Why", "Service"],
        d.latest.map((l) => h("tr", {},
          h("td", {}, when(l.failedAt, intlZone(state.zone), clockTime)),
          h("td", {}, `${l.sourceTopic} [${l.partition}] @${l.offset}`),
          h("td", {}, words(l.stage)),
          h("td", {}, h("strong", {}, l.errorClass.split(".").pop()), `: ${l.errorMessage}`),
          h("td", {}, l.applicationId || "")))));
  }

  // ---- officials
  function renderOfficials(directories) {
    if (!directories.length) return replace("officials-body", h("p", { class: "empty" }, "No directory of officials: any mention counts as tagging an official."));
    replace("officials-body",
      table("officials", "Directories of officials", ["Branch", "Name", "Office", "Handles"],
        directories.flatMap((d) => (d.officials.length ? d.officials : [null]).map((o) => h("tr", { "data-branch-id": d.branchId },
          h("td", {}, d.branchId === "*" ? "every branch" : d.branchId),
          h("td", {}, o ? o.name : h("span", { class: "muted" }, "nobody")),
          h("td", {}, o ? o.office : ""),
          h("td", {}, o ? Object.entries(o.handles).map(([platform, handle]) => `${words(platform)} ${handle}`).join(" · ") : ""))))));
  }

  // ---- one update
  function render(board) {
    const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.focusKey : null;
    const openDetails = new Set([...document.querySelectorAll("details[open]")].map((d) => d.dataset.detailsKey));
    state.zone = board.zone;
    state.board = board;
    renderSummary(board.summary);
    renderBalance(board.balance);
    renderHeld(board.held);
    renderSignOff(board.signOff || []);
    renderCalendar(board.calendar);
    renderIncidents(board.incidents, openDetails);
    renderPublications(board.publications);
    renderOutbox(board.outbox);
    renderDeadLetters(board.deadLetters);
    renderOfficials(board.officials || []);
    if (focused) {
      const again = document.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`);
      if (again) {
        again.focus();
        // a redraw while someone types a reason keeps the caret at the end of what they typed
        if (again.tagName === "TEXTAREA") again.selectionStart = again.selectionEnd = again.value.length;
      }
    }
    byId("updated").textContent = `Updated ${new Date().toLocaleTimeString("en-GB")}`;
    document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
  }

  function setConnection(kind, text) {
    const el = byId("connection");
    if (el.dataset.state === kind && el.textContent === text) return;
    el.dataset.state = kind;
    el.textContent = text;
  }

  function connect() {
    if (state.source) state.source.close();
    const source = new EventSource("/api/stream" + viewQuery());
    state.source = source;
    setConnection("connecting", "Connecting to the live view…");
    source.addEventListener("board", (event) => {
      render(JSON.parse(event.data));
      setConnection("live", "Live");
    });
    source.addEventListener("waiting", (event) =>
      setConnection("waiting", `Waiting for the views: ${JSON.parse(event.data).error}`));
    source.addEventListener("failure", (event) => {
      setConnection("lost", JSON.parse(event.data).error);
      source.close();
    });
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED) {
        setConnection("lost", "Connection lost; reconnecting…");
        return;
      }
      // the server refused the stream: most likely the login has expired
      fetch("/api/dead-letters").then((answer) => {
        if (answer.status === 401) location.assign("/login");
        else setConnection("lost", "Connection lost; reload the page to reconnect.");
      }, () => setConnection("lost", "Connection lost; reload the page to reconnect."));
    };
  }

  function goToWeek(offsetDays) {
    if (offsetDays === null) {
      state.week = null;
    } else {
      const first = byId("calendar-body").querySelector("[data-date]");
      const start = new Date(`${first ? first.dataset.date : new Date().toISOString().slice(0, 10)}T00:00:00Z`);
      start.setUTCDate(start.getUTCDate() + offsetDays);
      state.week = start.toISOString().slice(0, 10);
    }
    history.replaceState(null, "", `/${viewQuery()}#calendar`);
    connect();
  }

  function chooseBranch(event) {
    state.branch = event.target.value || null;
    history.replaceState(null, "", `/${viewQuery()}#calendar`);
    connect();
  }

  document.addEventListener("DOMContentLoaded", () => {
    byId("connection").after(h("p", { id: "updated", class: "updated" }));
    document.body.append(h("div", { id: "announce", class: "sr-only", role: "status", "aria-live": "polite" }));
    byId("previous-week").addEventListener("click", () => goToWeek(-7));
    byId("next-week").addEventListener("click", () => goToWeek(7));
    byId("this-week").addEventListener("click", () => goToWeek(null));
    byId("calendar-branch").addEventListener("change", chooseBranch);
    document.addEventListener("submit", submitReview);
    document.addEventListener("input", (event) => {
      const form = event.target.closest && event.target.closest("form.review");
      if (form && event.target.name === "reason") reviewState(form.dataset.reviewKey).reason = event.target.value;
    });
    fetch("/api/me", { headers: { Accept: "application/json" } })
      .then((answer) => (answer.ok ? answer.json() : null), () => null)
      .then((me) => {
        state.me = me;
        document.body.dataset.reviewer = String(!!me && me.reviews.length > 0);
        refreshReviews();
      });
    connect();
  });
})();
