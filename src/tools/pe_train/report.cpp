#include "report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pe_train {

namespace {

// Accuracy over the lengths first .. last of a run, pooled over their labelled tokens.
double accuracy(const Run& run, int first, int last, Metric metric) {
  double right = 0, total = 0;
  for (const pe::LengthResult& r : run.evaluation.by_length) {
    if (r.length < first || r.length > last || r.labelled == 0) continue;
    const double weight = metric == Metric::token ? r.labelled : r.sequences;
    right += weight * (metric == Metric::token ? r.token_accuracy : r.sequence_accuracy);
    total += weight;
  }
  return total > 0 ? right / total : std::nan("");
}

// "0.97" for one seed, "0.97 (0.95-0.99)" for several.
std::string summary(const std::vector<double>& values) {
  char text[48];
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  double mean = 0;
  for (const double v : values) mean += v / values.size();
  if (values.size() == 1)
    std::snprintf(text, sizeof text, "%.2f", mean);
  else
    std::snprintf(text, sizeof text, "%.2f (%.2f-%.2f)", mean, *low, *high);
  return text;
}

std::string cell(const std::vector<const Run*>& runs, int first, int last, Metric metric) {
  std::vector<double> values;
  for (const Run* run : runs) {
    if (run->diverged_at) return "diverged at step " + std::to_string(run->diverged_at);
    values.push_back(accuracy(*run, first, last, metric));
  }
  return summary(values);
}

void print_row(std::ostream& out, const std::vector<std::string>& cells) {
  char text[64];
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::snprintf(text, sizeof text, i == 0 ? "%-12s" : "%-18s", cells[i].c_str());
    out << text;
  }
  out << '\n';
}

// "2 layers, d_model 32, 4 heads, RMSNorm, causal mask, 600 steps of 32 sequences, ...".
std::string describe_setup(const pe::TrainerOptions& o, int seeds) {
  char text[320];
  std::snprintf(text, sizeof text,
                "%d layers, d_model %d, %d heads, %s, %s, %d steps of %d sequences, learning rate "
                "%g, first position %lld, token embeddings N(0, %g^2), %d seed%s",
                o.layers, o.d_model, o.heads, o.norm == "rms" ? "RMSNorm" : "LayerNorm",
                o.causal ? "causal mask" : "no mask (bidirectional)", o.steps, o.batch_size,
                o.learning_rate, static_cast<long long>(o.first_position), o.embedding_std, seeds,
                seeds == 1 ? "" : "s");
  return text;
}

}  // namespace

void print_tables(std::ostream& out, const std::vector<Run>& runs, const ExperimentPlan& plan,
                  int training_length, Metric metric) {
  const int l = training_length;
  for (const std::string& task : plan.tasks) {
    const auto first =
        std::find_if(runs.begin(), runs.end(), [&](const Run& r) { return r.task == task; });
    if (first == runs.end()) continue;
    out << "\ntask " << task << ": " << (metric == Metric::token ? "token" : "sequence")
        << " accuracy on held-out sequences by length (trained on lengths 1-" << l << ")\n"
        << describe_setup(first->options, plan.seeds) << "\n";
    print_row(out, {"scheme", "1-" + std::to_string(l), std::to_string(l), std::to_string(2 * l),
                    std::to_string(4 * l), "held-out loss", "cpu s/run"});
    for (const std::string& scheme : plan.schemes) {
      std::vector<const Run*> group;
      for (const Run& run : runs)
        if (run.task == task && run.scheme == scheme) group.push_back(&run);
      if (group.empty()) continue;
      std::vector<double> losses, seconds;
      for (const Run* run : group)
        losses.push_back(run->held_out_loss), seconds.push_back(run->seconds);
      print_row(out, {scheme, cell(group, 1, l, metric), cell(group, l, l, metric),
                      cell(group, 2 * l, 2 * l, metric), cell(group, 4 * l, 4 * l, metric),
                      summary(losses), summary(seconds)});
    }
  }
}

void write_csv(std::ostream& out, const std::vector<Run>& runs) {
  out << "task,scheme,seed,diverged_at,length,sequences,labelled,token_accuracy,"
         "sequence_accuracy,loss\n";
  for (const Run& run : runs)
    for (const pe::LengthResult& r : run.evaluation.by_length)
      out << run.task << ',' << run.scheme << ',' << run.seed << ',' << run.diverged_at << ','
          << r.length << ',' << r.sequences << ',' << r.labelled << ',' << r.token_accuracy << ','
          << r.sequence_accuracy << ',' << r.loss << '\n';
}

}  // namespace pe_train
