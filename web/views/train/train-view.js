// The training lab: a small transformer trained in the page, once per chosen scheme, side by
// side, as TensorFlow Playground trains its network: it starts paused (unless autoplay=1), Play,
// Pause, Step and Reset, every setting in the link. The panels: settings (train-controls.js),
// transport and progress, the loss curves, the accuracy by length, and once paused or ended the
// attention maps and the position tables the models used. The trainer's module is
// loaded when the view is drawn (trainer-runs.js, the one module that calls the trainer's API).
import { element } from '../../charts/figure.js';
import { trackWidth } from '../../charts/width-tracker.js';
import { formatWhole } from '../../lib/format.js';
import { createViewMessage } from '../shared/view-message.js';
import { createAccuracyChart } from './accuracy-chart.js';
import { fitChoice } from './attention-choice.js';
import { createAttentionPanel } from './attention-panel.js';
import { createPositionTables } from './position-tables.js';
import { createLossChart } from './loss-chart.js';
import { createProgressTable } from './progress-table.js';
import { createPyTorchCopy } from './pytorch-copy.js';
import { RESETTING, createRunSet, resettingChanges } from './run-set.js';
import { createScheduler } from './run-scheduler.js';
import { schemeColors } from './scheme-colors.js';
import { createTrainControls } from './train-controls.js';
import { limitNotes, trainLimits, trainParams } from './train-params.js';
import { loadTrainer } from './trainer-runs.js';
import { summarize } from './run-summary.js';
import { createSummaryPanel } from './summary-panel.js';
import { createTransport } from './transport.js';

const MIN_WIDTH = 280;
const REDRAW_MS = 120; // the progress and charts are redrawn at most this often while training

// The link's task, if the registry has it; else the registry's first, and a sentence saying so.
function checkTask(settings, tasks) {
  if (tasks.some(({ name }) => name === settings.task)) return null;
  const fallback = tasks[0].name;
  const note = `The link’s task "${settings.task}" is not one of ${tasks.map(({ name }) => name).join(', ')}, so ${fallback} is used.`;
  settings.task = fallback;
  return note;
}

function sentenceList(words) {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

// A hidden page trains nothing; it goes on when shown again, if it was playing.
function pauseWhileHidden(scheduler) {
  let pausedByHiding = false;
  document.addEventListener('visibilitychange', () => {
    if (document.hidden && scheduler.playing()) {
      pausedByHiding = true;
      scheduler.pause();
    } else if (!document.hidden && pausedByHiding) {
      pausedByHiding = false;
      scheduler.play();
    }
  });
}

// Plain JSON of the runs: what the charts draw, as the core gave it.
function runsSnapshot(runs) {
  return runs.map(({ scheme, step, steps, losses, heldOut, accuracy, divergedAt, finished, busy }) => ({
    scheme,
    step,
    steps,
    finished,
    busy,
    divergedAt,
    losses,
    heldOut,
    accuracy,
  }));
}

// The line beside the buttons: where the runs are, or how each ended.
function statusText({ runs, done, playing, label }) {
  if (done) {
    const ends = runs.map((run) => `${label(run.scheme)} ${run.divergedAt ? `diverged at step ${formatWhole(run.divergedAt)}` : 'done'}`);
    return `Every run has ended: ${ends.join(', ')}.`;
  }
  const at = Math.min(...runs.map((run) => run.step));
  return `${playing ? 'Training' : 'Paused'}: step ${formatWhole(at)} of ${formatWhole(runs[0].steps)}.`;
}

// draw, called after each of the scheduler's frames and actions: after a frame that only trained it
// waits until REDRAW_MS after the last drawing, so most frames give all their time to training.
function drawnAtMostEveryRedraw(draw) {
  let last = -Infinity;
  return ({ onlyTrained = false } = {}) => {
    if (onlyTrained && performance.now() - last < REDRAW_MS) return;
    last = performance.now();
    draw();
  };
}

// The panels that show the runs, named for hide= (web/app/hidden-controls.js) with the settings
// panel; each control carries its own name. "Copy as PyTorch" sits under the loss chart.
function createPanels(controls, experiment, onChoose) {
  const panels = {
    progress: createProgressTable(),
    loss: createLossChart(),
    accuracy: createAccuracyChart(),
    attention: createAttentionPanel({ onChoose }),
    tables: createPositionTables(),
    summary: createSummaryPanel(),
    pytorch: createPyTorchCopy(experiment),
  };
  panels.loss.figure.append(panels.pytorch.element);
  controls.element.addEventListener('input', () => panels.pytorch.clear()); // no script of older settings stays shown
  controls.element.dataset.control = 'settings';
  panels.loss.figure.dataset.control = 'loss';
  panels.accuracy.figure.dataset.control = 'accuracy';
  return panels;
}

// The trained models looked into (attention, position tables): call it only while nothing plays,
// so never inside a frame's training slice.
function inspectModels({ pe, runSet, settings, label, attention, tables }) {
  const shown = { runs: runSet.runs(), settings: { ...settings }, label };
  attention.refresh({ ...shown, attentionOf: (scheme, request) => runSet.trainerOf(scheme).attention(request) });
  tables.refresh({ ...shown, schemes: pe.schemes, tableOf: (scheme) => runSet.trainerOf(scheme).positionTable() });
}

// The panels' elements in the page's order, under the transport.
function inOrder({ progress, loss, accuracy, attention, tables, summary }) {
  return [progress.element, loss.figure, accuracy.figure, attention.figure, tables.figure, summary.element];
}

// The runs of the link's settings. Settings the core refuses together (a training length too short
// for the task's labels) fall back to the defaults, the chosen schemes and the view's own choices
// kept; returns a note saying so, or null.
function firstRuns(pe, runSet, settings) {
  try {
    runSet.reset(settings);
    return null;
  } catch (error) {
    const schema = trainParams(pe);
    Object.assign(settings, Object.fromEntries(Object.keys(RESETTING).map((key) => [key, schema[key].defaultValue])));
    runSet.reset(settings);
    return `The link's settings do not work together (${error.message}), so the default settings are used.`;
  }
}

// The lab's first settings and runs: the link's, where the trainer's declared limits, its tasks
// and the runs allow them, else set back. Returns { settings, runSet, note }: note says what was
// set back, and why ('' when nothing was).
function openingRuns({ pe, state, tasks, limits, label }) {
  const settings = { ...state };
  const notes = [checkTask(settings, tasks), ...limitNotes(settings, limits, trainParams(pe))];
  const fitted = fitChoice(settings, label);
  Object.assign(settings, fitted.choice);
  notes.push(...fitted.notes);
  const runSet = createRunSet(pe);
  notes.push(firstRuns(pe, runSet, settings));
  Object.assign(settings, fitChoice(settings, label).choice); // the defaults' model may be another size
  return { settings, runSet, note: notes.filter(Boolean).join(' ') };
}

// Everything after the trainer's module is here.
function startLab({ pe, root, state, onChange, tasks, limits, message }) {
  const label = (scheme) => pe.schemes.find(({ name }) => name === scheme).label;
  const { settings, runSet, note } = openingRuns({ pe, state, tasks, limits, label });
  const colorOf = schemeColors(pe.schemes);
  const controls = createTrainControls({ tasks, schemes: pe.schemes, state: settings, limits });
  // A choice of maps in the attention panel: shown now (between frames), and into the link.
  const onChoose = (choice) => {
    Object.assign(settings, choice);
    inspectModels({ pe, runSet, settings, label, attention, tables });
    onChange({ ...settings });
  };
  const panels = createPanels(controls, { pe, tasks, settings: () => settings }, onChoose);
  const { progress, loss, accuracy, attention, tables, summary } = panels;

  function drawCharts() {
    const width = Math.max(MIN_WIDTH, chartWidth());
    const shown = { runs: runSet.runs(), width, colorOf, label, settings: { ...settings } };
    const { classes } = tasks.find(({ name }) => name === settings.task);
    loss.update(shown);
    accuracy.update({ ...shown, length: settings.length, classes });
    summary.update(summarize({ runs: shown.runs, settings, classes, label }));
  }

  const refresh = drawnAtMostEveryRedraw(() => {
    const runs = runSet.runs();
    const done = runs.every((run) => !run.busy);
    transport.update({ playing: scheduler.playing(), done, status: statusText({ runs, done, playing: scheduler.playing(), label }) });
    progress.update({ runs, rate: scheduler.rate, label });
    drawCharts();
    if (!scheduler.playing()) inspectModels({ pe, runSet, settings, label, attention, tables });
  });

  const scheduler = createScheduler({ runs: runSet.runs, onFrame: refresh });
  const transport = createTransport({
    play: scheduler.play,
    pause: scheduler.pause,
    step: scheduler.stepOnce,
    reset() {
      const playing = scheduler.playing();
      scheduler.clear();
      runSet.reset(settings);
      message.show(null);
      if (playing) scheduler.play();
      refresh();
    },
  });

  // A setting changed: schemes alone add or drop runs; any other change starts them all again.
  function onSettings() {
    const read = controls.read();
    if (read.problem) return message.show(read.problem);
    const changed = resettingChanges(settings, read.settings);
    const playing = scheduler.playing();
    try {
      if (changed.length) {
        scheduler.clear();
        runSet.reset(read.settings);
      } else runSet.follow(read.settings);
    } catch (error) {
      return message.show(`These settings do not work: ${error.message}.`);
    }
    Object.assign(settings, read.settings);
    Object.assign(settings, fitChoice(settings, label).choice);
    message.show(
      changed.length ? `The runs started again, because ${sentenceList(changed.map((key) => RESETTING[key]))} changed.` : null,
      'info',
    );
    if (playing) scheduler.play();
    refresh();
    onChange({ ...settings });
  }
  controls.element.addEventListener('input', onSettings);

  pauseWhileHidden(scheduler);

  root.replaceChildren(controls.element, message.element, transport.element, ...inOrder(panels));
  const chartWidth = trackWidth(loss.figure.querySelector('.figure-body'), drawCharts);
  if (note) message.show(note, 'info');
  if (Object.keys(settings).some((key) => settings[key] !== state[key])) onChange({ ...settings });
  if (settings.autoplay && !document.hidden) scheduler.play();
  refresh();

  return {
    snapshot() {
      return {
        ...settings,
        loaded: true,
        playing: scheduler.playing(),
        tasks: tasks.map(({ name }) => name),
        runs: runsSnapshot(runSet.runs()),
        summary: summary.sentences(),
        attention: attention.snapshot(),
        tables: tables.snapshot(),
        message: message.text(),
      };
    },
  };
}

/** @param {import('../registry.js').MountContext} context */
export function mount({ pe, root, state, onChange }) {
  const message = createViewMessage();
  const loading = element('p', 'train-loading', 'Loading the trainer…');
  root.replaceChildren(loading, message.element);
  let lab = null;
  loadTrainer(pe).then(
    ({ tasks, declarations }) => (lab = startLab({ pe, root, state, onChange, tasks, limits: trainLimits(declarations), message })),
    (error) => {
      loading.remove();
      message.show(`The trainer could not be loaded: ${error.message}. Reload the page to try again.`);
    },
  );
  return {
    snapshot: () => (lab ? lab.snapshot() : { ...state, loaded: false, message: message.text() }),
  };
}
