# Writes expected.json: what jemoji 0.13 (html-pipeline 2.14 EmojiFilter, gemoji 4.1,
# Nokogiri 1.13 on libxml2 2.9.14) makes of each page output in inputs.json.
# Run as tests/data/jekyll_sites/README.md says.
require "json"
require "jekyll"
require "jemoji"

Doc = Struct.new(:output, :site)
Site = Struct.new(:config)
here = __dir__
cases = JSON.parse(File.read(File.join(here, "inputs.json")))
expected = cases.map do |c|
  doc = Doc.new(c["output"].dup, Site.new(c.fetch("config", {})))
  Jekyll::Emoji.emojify(doc)
  doc.output
end
File.write(File.join(here, "expected.json"), JSON.pretty_generate(expected) + "\n")
puts "#{expected.length} cases"
