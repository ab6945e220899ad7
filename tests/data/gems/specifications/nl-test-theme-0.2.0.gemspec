# -*- encoding: utf-8 -*-
# A theme gem made for newsletter_liquid's tests (not published).

Gem::Specification.new do |s|
  s.name = "nl-test-theme".freeze
  s.version = "0.2.0"
  s.metadata = { "plugin_type" => "theme" } if s.respond_to? :metadata=
  s.require_paths = ["lib".freeze]
  s.authors = ["newsletter_liquid".freeze]
  s.summary = "A theme for tests.".freeze

  if s.respond_to? :add_runtime_dependency then
    s.add_runtime_dependency(%q<jekyll>.freeze, [">= 3.5", "< 5.0"])
    s.add_runtime_dependency(%q<jekyll-feed>.freeze, ["~> 0.9"])
    s.add_development_dependency(%q<bundler>.freeze, [">= 1.15"])
  else
    s.add_dependency(%q<jekyll>.freeze, [">= 3.5", "< 5.0"])
    s.add_dependency(%q<jekyll-feed>.freeze, ["~> 0.9"])
  end
end
