#include "batch/month_job.h"

#include <filesystem>
#include <memory>

#include "input/guidance_reader.h"
#include "input/meeting_csv_reader.h"
#include "input/meeting_xml_reader.h"
#include "input/month_settings_reader.h"
#include "input/sink_thread.h"
#include "stats/month_figures.h"
#include "store/month_store.h"
#include "templating/guide_documents.h"
#include "templating/month_documents.h"

namespace vanban {

namespace fs = std::filesystem;

namespace {

// Splits diagnostics into the job's rejections and warnings.
void take(FolderJob& job, Diagnostics diagnostics) {
  for (Diagnostic& d : diagnostics) (d.warning ? job.warnings : job.rejected).push_back(std::move(d));
}

// The month's discussion guides, when the folder has guidance for them.
std::vector<BuildItem> guide_items(FolderJob& job, const MonthJobSettings& settings) {
  const std::string path = settings.month_dir + "/guidance.xml";
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    if (ec) job.rejected.push_back({path, 0, 0, "cannot read the file: " + ec.message()});
    return {};
  }
  Result<Guidance> guidance = read_guidance(path, settings.data_dir + "/templates/schema/guidance.rng");
  take(job, std::move(guidance.errors));
  if (!guidance.ok()) return {};
  Result<std::vector<GeneratedGuide>> guides = generate_guides(*guidance.value, settings.data_dir + "/templates");
  take(job, std::move(guides.errors));
  if (!guides.ok()) return {};
  std::vector<BuildItem> items;
  for (GeneratedGuide& g : *guides.value) {
    std::string source = settings.month_dir + "/" + g.name + ".xml";
    items.push_back({std::move(g.name), std::move(source), std::move(g.markup), true});
  }
  return items;
}

}  // namespace

bool is_month_name(const std::string& name) {
  if (name.size() != 7 || name[4] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6})
    if (name[i] < '0' || name[i] > '9') return false;
  const int month = (name[5] - '0') * 10 + (name[6] - '0');
  return month >= 1 && month <= 12;
}

std::string meeting_data_path(const MonthJobSettings& settings) {
  const std::string xml = settings.month_dir + "/meetings.xml";
  // A meetings.xml that cannot even be looked at is still the one to read: reading it says why.
  std::error_code ec;
  const bool use_xml = settings.source == MeetingSource::Xml ||
                       (settings.source == MeetingSource::Auto && (fs::exists(xml, ec) || ec));
  return use_xml ? xml : settings.month_dir;
}

FolderJob month_job(const MonthJobSettings& settings) {
  FolderJob job;
  const fs::path dir = fs::path(settings.month_dir).lexically_normal();
  job.label = (dir.has_filename() ? dir : dir.parent_path()).filename().string();
  job.output_dir = settings.output_dir;
  const std::string schema_dir = settings.data_dir + "/templates/schema";
  job.input = meeting_data_path(settings);
  const bool use_xml = job.input != settings.month_dir;

  // The records go to a scratch database in the output folder (store/month_store.h), so that
  // preparing a month does not hold them all (a killed run's is removed by build_run).
  std::string error;
  std::unique_ptr<MonthStore> store = MonthStore::create(settings.output_dir, error);
  if (!store) {
    job.rejected.push_back({settings.output_dir, 0, 0, "cannot keep the month's records there: " + error});
    job.input_complete = false;
    return job;
  }
  Result<MeetingMonth> read;
  {
    // Written to the store on a thread of its own while the next records are read.
    SinkThread to_store(*store);
    read = use_xml ? read_meetings_xml(job.input, schema_dir + "/meetings.rng", to_store)
                   : read_meetings_csv(settings.month_dir, to_store);
  }
  take(job, std::move(read.errors));
  Result<MonthSettings> month =
      read_month_settings(settings.month_dir + "/month.xml", schema_dir + "/month.rng");
  take(job, std::move(month.errors));
  if (!read.ok() || !month.ok()) {
    job.input_complete = false;
    return job;
  }
  // The figures and the plan go into the store too; it lives as long as the plan, which the
  // rendering threads generate each document from.
  std::shared_ptr<MonthStore> records = std::move(store);
  MonthFigures figures =
      compute_figures(*records, {month.value->report_deadline_days, month.value->opinions_per_topic});
  Result<MonthDocuments> documents =
      MonthDocuments::plan(records, std::move(figures), *month.value, settings.data_dir + "/templates");
  records.reset();
  take(job, std::move(documents.errors));
  if (!documents.ok()) {
    job.input_complete = false;
    return job;
  }
  auto plan = std::make_shared<const MonthDocuments>(std::move(*documents.value));
  // Generated markup has no file of its own: messages about it name where it belongs.
  job.generated_dir = settings.month_dir;
  job.generate = [plan](std::size_t i) { return plan->markup(i); };
  job.register_file = month.value->register_file;
  // The month's documents, each described when it is needed, then its guides.
  auto listed = std::make_shared<const std::vector<BuildItem>>(guide_items(job, settings));
  job.count = plan->size() + listed->size();
  job.item = [plan, listed](std::size_t i) {
    if (i >= plan->size()) return Result<BuildItem>{(*listed)[i - plan->size()], {}};
    // Read from the month's store: may fail, with why.
    Result<MonthDocuments::Listing> listing = plan->listing(i);
    Result<BuildItem> out;
    out.errors = std::move(listing.errors);
    if (listing.ok()) out.value = BuildItem{std::move(listing.value->name), {}, {}, false, listing.value->in_series, i};
    return out;
  };
  return job;
}

}  // namespace vanban
