// The trainer's speed, one run, side by side: steps per second of the default configuration in
// WebAssembly (Node), natively and in PyTorch on one thread, the GFLOP/s each achieves, and the
// default experiment (every scheme on the default task, trained and evaluated, pe-train) timed in
// WebAssembly. Builds what it needs: build/native/trainer-bench, build/wasm/trainer-bench.cjs and
// build/wasm/pe-train.cjs.
// Run: node tests/bench/trainer-bench.mjs   (wired into `npm run bench`)
//
// Time is each process's CPU time, which other work on a shared machine inflates far less than the
// wall clock (printed for the experiment too). PyTorch pads each batch to its longest sequence,
// as PyTorch code would; its GFLOP/s count the same useful operations as the core's. Rounds run
// the three in turn, and the table shows the medians. Goals: WebAssembly at least 3x PyTorch's
// steps per second; the default experiment in at most 30 s.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ROUNDS = 3;
const CORE_STEPS = 300;
const TORCH_STEPS = 120;
const SPEEDUP_GOAL = 3;
const EXPERIMENT_GOAL_SECONDS = 30;

function run(command, args, options = {}) {
  return execFileSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, ...options });
}

function build() {
  run('cmake', ['-S', '.', '-B', 'build/native', '-DCMAKE_BUILD_TYPE=Release'], { stdio: 'ignore' });
  run('cmake', ['--build', 'build/native', '--target', 'trainer_bench', '-j', '2'], { stdio: 'ignore' });
  run('cmake', ['--build', 'build/wasm', '--target', 'trainer_bench', 'pe_train', '-j', '2'], { stdio: 'ignore' });
}

const lastJson = (output) => JSON.parse(output.trim().split('\n').at(-1));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function measureSteps() {
  const samples = { wasm: [], native: [], torch: [] };
  let native;
  for (let round = 0; round < ROUNDS; round += 1) {
    native = lastJson(run('build/native/trainer-bench', ['--steps', String(CORE_STEPS)]));
    samples.native.push(native.stepsPerSecond);
    samples.wasm.push(lastJson(run('node', ['build/wasm/trainer-bench.cjs', '--steps', String(CORE_STEPS)])).stepsPerSecond);
    const options = JSON.stringify({ ...native.options, steps: TORCH_STEPS });
    samples.torch.push(lastJson(run('/usr/bin/python3', ['tests/bench/trainer-bench.py', options])).stepsPerSecond);
  }
  return {
    options: native.options,
    flopsPerStep: native.flopsPerStep,
    ...Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])),
  };
}

// The default experiment as the command runs it: wall time, and CPU time from /usr/bin/time.
function timeExperiment() {
  const began = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', 'node', 'build/wasm/pe-train.cjs', '--seeds', '1'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`pe-train.cjs failed: ${result.stderr}`);
  const wall = Number(process.hrtime.bigint() - began) / 1e9;
  const [, user, system] = result.stderr.match(/cpu ([\d.]+) ([\d.]+)/);
  const [, steps] = result.stdout.match(/(\d+) steps of/);
  return { wall, cpu: Number(user) + Number(system), steps };
}

build();
const steps = measureSteps();
const o = steps.options;
console.log(
  `Default configuration: ${o.layers} layers, d_model ${o.dModel}, ${o.heads} heads, ${o.norm === 'rms' ? 'RMSNorm' : 'LayerNorm'}, ` +
    `${o.scheme}, batches of ${o.batchSize} sequences of 1-${o.trainingLength} tokens (${(steps.flopsPerStep / 1e6).toFixed(1)} MFLOP a step); ` +
    `median of ${ROUNDS} rounds, CPU time.`,
);
const rows = [
  ['WebAssembly (Node)', steps.wasm],
  ['native', steps.native],
  ['PyTorch, one thread', steps.torch],
];
console.log('| build | steps/s | GFLOP/s | x PyTorch |');
console.log('|---|---|---|---|');
for (const [name, rate] of rows) {
  console.log(`| ${name} | ${rate.toFixed(1)} | ${((rate * steps.flopsPerStep) / 1e9).toFixed(2)} | ${(rate / steps.torch).toFixed(1)} |`);
}
const speedup = steps.wasm / steps.torch;
console.log(`WebAssembly / native: ${(steps.wasm / steps.native).toFixed(2)}`);
console.log(`Goal WebAssembly >= ${SPEEDUP_GOAL}x PyTorch: ${speedup.toFixed(1)}x, ${speedup >= SPEEDUP_GOAL ? 'met' : 'MISSED'}.`);
const experiment = timeExperiment();
console.log(
  `Default experiment in WebAssembly (every scheme, the default task, ${experiment.steps} steps each, evaluated at every length 1-${4 * o.trainingLength}): ` +
    `${experiment.wall.toFixed(1)} s wall, ${experiment.cpu.toFixed(1)} s CPU; goal <= ${EXPERIMENT_GOAL_SECONDS} s, ` +
    `${experiment.wall <= EXPERIMENT_GOAL_SECONDS ? 'met' : experiment.cpu <= EXPERIMENT_GOAL_SECONDS ? 'met in CPU time, not on the wall clock of this busy machine' : 'MISSED'}.`,
);
