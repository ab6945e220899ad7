# Writes expected.json: what jekyll-toc 0.18 (Nokogiri 1.13.10 on libxml2 2.9.14, as
# Debian 12 packages them) makes of each case in inputs.json, or the class of the
# error it raises. "op" is the Parser method: toc (the toc filter), build (toc_only
# and {% toc %}) or inject (inject_anchors); "config" is the site's toc: value.
#
#   ruby tests/data/jekyll_sites/toc-filter/regen.rb
require "json"
require "jekyll"
require "jekyll-toc"

here = __dir__
cases = JSON.parse(File.read(File.join(here, "inputs.json")))
expected = cases.map do |c|
  parser = Jekyll::TableOfContents::Parser.new(c["html"], c["config"])
  case c["op"]
  when "toc" then parser.toc
  when "build" then parser.build_toc
  when "inject" then parser.inject_anchors_into_html
  else raise "unknown op #{c["op"]}"
  end
rescue StandardError => e
  { "error" => e.class.name }
end
File.write(File.join(here, "expected.json"), JSON.pretty_generate(expected) + "\n")
puts "#{expected.length} cases"
