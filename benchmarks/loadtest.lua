-- wrk script: each connection cycles through the search mix that loadtest.sh writes to $LOADTEST_PATHS,
-- starting at a different place; reports requests per second, latency percentiles and errors.
local paths = {}
for line in io.lines(os.getenv("LOADTEST_PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 7)
end

local index = 0
function request()
  index = index + 1
  return wrk.format("GET", paths[((index + offset) % #paths) + 1])
end

function done(summary, latency, requests)
  local errors = summary.errors
  local failed = errors.connect + errors.read + errors.write + errors.timeout + errors.status
  io.write(string.format("requests %d in %.1f s: %.1f requests/s\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency ms: p50 %.1f  p90 %.1f  p95 %.1f  p99 %.1f  max %.1f\n",
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3))
  io.write(string.format("errors %d (connect %d, read %d, write %d, timeout %d, HTTP status >= 400 %d)\n",
    failed, errors.connect, errors.read, errors.write, errors.timeout, errors.status))
end
